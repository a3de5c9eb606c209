package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The console's sign-in page and what it says after a refusal, a pause or a sign-out. */
class SignInControllerTest extends ConsoleSliceTest {

  @Test
  void aWrongPasswordIsExplainedWithoutSayingWhichPart() throws Exception {
    mvc.perform(get("/login").param("error", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Wrong username or password.")))
        .andExpect(content().string(containsString("id=\"sign-in-form\"")));
  }

  @Test
  void aPausedSignInSaysForHowLongWithinBounds() throws Exception {
    mvc.perform(get("/login").param("throttled", "999"))
        .andExpect(content().string(containsString("try again in 60 minutes.")));
    mvc.perform(get("/login").param("throttled", "x"))
        .andExpect(content().string(containsString("try again in 15 minutes.")));
  }

  @Test
  void aSignedInAdminGoesToTheConsole() throws Exception {
    mvc.perform(get("/login").with(admin())).andExpect(redirectedUrl("/admin"));
  }
}
