package io.harakalint.cli;

import io.harakalint.load.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Which of some files have uncommitted changes in git (JGit; none outside a repository). */
final class DirtyFiles {
  private DirtyFiles() {}

  static List<String> among(Path root, List<String> relPaths) {
    Path abs = root.toAbsolutePath().normalize();
    FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
    if (b.getGitDir() == null) return List.of();
    try (Git git = new Git(b.setMustExist(true).build())) {
      Path work = git.getRepository().getWorkTree().toPath().toAbsolutePath().normalize();
      Status st = git.status().call();
      Set<String> changed = new java.util.HashSet<>(st.getUncommittedChanges());
      changed.addAll(st.getUntracked());
      List<String> out = new ArrayList<>();
      for (String rel : relPaths) {
        String inRepo = work.relativize(abs.resolve(rel)).toString().replace('\\', '/');
        if (changed.contains(inRepo)) out.add(rel);
      }
      return out;
    } catch (Exception e) {
      throw new UserError("git status cannot be read (" + e.getClass().getSimpleName() + "); use --force to write anyway");
    }
  }
}
