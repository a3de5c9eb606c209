package dev.stepup.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No template repeats a form another template (or the same one) has: a form is written once, as a
 * fragment, and used by reference. Two forms are "the same" when they ask for the same visible
 * fields (tag, name, type and input rules), or, for a form with no visible field (one button), when
 * they post to the same address. Fragment references ({@code th:replace}/{@code th:insert}) are
 * uses, not copies.
 */
class TemplateFormsTest {

  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern FIELD =
      Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  // Attributes that name or fill one copy (its id, its current value) and not what the form asks.
  private static final Pattern PER_COPY =
      Pattern.compile(
          "\\s(?:th:)?(?:id|value|for|aria-[a-z]+|autofocus|placeholder)(?:=\"[^\"]*\")?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION =
      Pattern.compile("(?:th:)?action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private static final Pattern FRAGMENT =
      Pattern.compile("th:fragment=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  @Test
  void everyFormIsWrittenOnce() throws IOException {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    Resource[] templates = templates();
    for (Resource template : templates) {
      String name = template.getURL().getPath().replaceFirst(".*/templates/", "");
      for (String key : formsOf(template.getContentAsString(StandardCharsets.UTF_8))) {
        seen.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
      }
    }
    assertThat(templates).as("the hosted and console templates are read").hasSizeGreaterThan(10);
    assertThat(seen.keySet()).as("forms found").hasSizeGreaterThan(20);
    List<String> repeated =
        seen.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getValue() + " repeat " + e.getKey())
            .toList();
    assertThat(repeated).as("forms written more than once (make them a fragment)").isEmpty();
  }

  @Test
  void aCopiedFormIsFound() {
    String page =
        "<form method=\"post\" th:action=\"@{/a}\" id=\"one\"><input id=\"code\" name=\"code\""
            + " pattern=\"[0-9]{6}\" required><button>Go</button></form>"
            + "<form th:replace=\"~{x :: y}\"></form>"
            + "<form method=\"post\" th:action=\"@{/b}\" id=\"two\">\n  <input id=\"c2\""
            + " name=\"code\"   pattern=\"[0-9]{6}\" required>\n<button>Send</button></form>";
    List<String> keys = formsOf(page);
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).isEqualTo(keys.get(1));
  }

  /** The normalized form of each form written in this template (references left out). */
  static List<String> formsOf(String html) {
    List<String> keys = new ArrayList<>();
    Matcher form = FORM.matcher(COMMENT.matcher(html).replaceAll(""));
    while (form.find()) {
      String attributes = form.group(1);
      if (attributes.contains("th:replace") || attributes.contains("th:insert")) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      Matcher field = FIELD.matcher(form.group(2));
      while (field.find()) {
        String tag = field.group(2);
        if (tag.matches("(?is).*\\btype=\"hidden\".*")) {
          continue;
        }
        String rules = PER_COPY.matcher(tag).replaceAll("").replaceAll("\\s+", " ").strip();
        fields.add(field.group(1).toLowerCase() + " " + rules);
      }
      if (!fields.isEmpty()) {
        keys.add("fields " + fields);
      } else {
        Matcher action = ACTION.matcher(attributes);
        String to = action.find() ? action.group(1) : attributes.strip();
        // A fragment's address is its parameter: the fragment itself is the one copy.
        Matcher fragment = FRAGMENT.matcher(attributes);
        keys.add(
            to.startsWith("${") && fragment.find()
                ? "fragment " + fragment.group(1)
                : "button posting to " + to);
      }
    }
    return keys;
  }

  private static Resource[] templates() throws IOException {
    return new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
  }
}
