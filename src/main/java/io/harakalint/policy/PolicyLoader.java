package io.harakalint.policy;

import io.harakalint.load.IniParser;
import io.harakalint.load.TreeSource;
import io.harakalint.load.UserError;
import io.harakalint.model.PolicyFile;
import io.harakalint.text.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Finds and reads the policy file: {@code --policy FILE} if given, else {@code .haraka-lint.ini} in the tree. */
public final class PolicyLoader {
  private PolicyLoader() {}

  public static PolicyFile load(TreeSource tree, Path explicit) {
    if (explicit != null) {
      try {
        if (Files.size(explicit) > 1024 * 1024) throw new UserError("--policy " + explicit + ": larger than 1 MiB");
        return PolicyFile.from(IniParser.parse(SourceFile.of(explicit.toString(), Files.readAllBytes(explicit))));
      } catch (NoSuchFileException e) {
        throw new UserError("--policy " + explicit + ": no such file");
      } catch (IOException e) {
        throw new UserError("--policy " + explicit + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (!tree.isFile(PolicyFile.FILE_NAME)) return PolicyFile.NONE;
    TreeSource.ReadResult r = tree.read(PolicyFile.FILE_NAME);
    if (!r.isOk()) throw new UserError(PolicyFile.FILE_NAME + " " + r.problem());
    return PolicyFile.from(IniParser.parse(SourceFile.of(PolicyFile.FILE_NAME, r.bytes())));
  }
}
