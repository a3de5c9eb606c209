package dev.stepup.application.port.in.user;

import dev.stepup.domain.user.User;
import java.util.List;

/** Admins find an environment's users by id or part of an address, number or wallet. */
public interface SearchUsersUseCase {

  List<User> search(SearchUsersQuery query);
}
