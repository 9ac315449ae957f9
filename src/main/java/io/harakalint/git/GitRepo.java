package io.harakalint.git;

import io.harakalint.load.UserError;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The git repository that holds a Haraka tree, read with JGit (no git binary). Gives the staged
 * (index) or committed content of a tree as a {@link GitTreeSource}, and finds the Haraka trees a
 * repository holds.
 */
public final class GitRepo implements Closeable {
  private final Repository repo;
  private final Path workTree;
  private final ObjectReader reader;

  private GitRepo(Repository repo) {
    this.repo = repo;
    this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    this.reader = repo.newObjectReader();
  }

  /**
   * git's variables of the client the resident server is answering (GIT_DIR, GIT_INDEX_FILE, ...:
   * a hook may run on a temporary index), read by JGit instead of the server's own; null: the
   * process's environment. Set around one request at a time by the server.
   */
  private static volatile Map<String, String> clientEnvironment;

  public static void useClientEnvironment(Map<String, String> env) {
    clientEnvironment = env == null ? null : Map.copyOf(env);
  }

  /** The repository whose work tree contains {@code path}. */
  public static GitRepo containing(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    NoSystemConfig.install();
    try {
      FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(abs.toFile());
      if (b.getGitDir() == null) throw new UserError(path + ": not inside a git repository");
      Repository r = b.setMustExist(true).build();
      if (r.isBare()) throw new UserError(path + ": the repository is bare; run from a work tree");
      return new GitRepo(r);
    } catch (IOException e) {
      throw new UserError(path + ": the git repository cannot be opened (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Where {@code path} sits inside the work tree, with '/' separators ("" for the top). */
  public String relative(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (!abs.startsWith(workTree)) throw new UserError(path + ": outside the repository's work tree " + workTree);
    return workTree.relativize(abs).toString().replace('\\', '/');
  }

  /** Every path in the index (what the next commit will hold), with its blob. */
  public Map<String, GitTreeSource.Entry> staged() {
    try {
      DirCache dc = repo.readDirCache();
      Map<String, GitTreeSource.Entry> out = new LinkedHashMap<>();
      for (int i = 0; i < dc.getEntryCount(); i++) {
        DirCacheEntry e = dc.getEntry(i);
        if (e.getStage() != DirCacheEntry.STAGE_0) continue; // unmerged paths: git refuses to commit them anyway
        out.put(e.getPathString(), new GitTreeSource.Entry(e.getObjectId(), e.getFileMode()));
      }
      return out;
    } catch (IOException e) {
      throw new UserError("git index cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Every path of a commit, branch or tag, without checking it out. */
  public Map<String, GitTreeSource.Entry> at(String rev) {
    try (RevWalk walk = new RevWalk(reader)) {
      ObjectId id = repo.resolve(rev + "^{commit}");
      if (id == null) {
        throw new UserError("git: no commit '" + rev + "'" + (repo.getObjectDatabase().getShallowCommits().isEmpty()
            ? "" : " (this is a shallow clone: fetch more history, e.g. git fetch --deepen=50)"));
      }
      RevCommit c = walk.parseCommit(id);
      Map<String, GitTreeSource.Entry> out = new LinkedHashMap<>();
      try (TreeWalk tw = new TreeWalk(reader)) {
        tw.addTree(c.getTree());
        tw.setRecursive(true);
        while (tw.next()) out.put(tw.getPathString(), new GitTreeSource.Entry(tw.getObjectId(0), tw.getFileMode(0)));
      }
      return out;
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      throw new UserError("git: '" + rev + "' is not in this clone (shallow?): fetch more history");
    } catch (IOException e) {
      throw new UserError("git: '" + rev + "' cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The part of {@code all} below {@code root} ("" = everything), as a tree source. */
  public GitTreeSource tree(Map<String, GitTreeSource.Entry> all, String root, String displayName) {
    return new GitTreeSource(displayName, below(all, root), reader);
  }

  /** The entries below {@code root} ("" = all), relative to it; submodules left out. */
  static Map<String, GitTreeSource.Entry> below(Map<String, GitTreeSource.Entry> all, String root) {
    String prefix = root.isEmpty() ? "" : root + "/";
    Map<String, GitTreeSource.Entry> sub = new LinkedHashMap<>();
    for (Map.Entry<String, GitTreeSource.Entry> e : all.entrySet()) {
      if (e.getKey().startsWith(prefix) && e.getValue().mode() != FileMode.GITLINK) {
        sub.put(e.getKey().substring(prefix.length()), e.getValue());
      }
    }
    return sub;
  }

  /**
   * Folders holding a Haraka tree: those with a {@code config/} folder that has Haraka's files, or a
   * repository whose top level is a config folder itself.
   */
  public static List<String> harakaTrees(Iterable<String> paths) {
    TreeSet<String> roots = new TreeSet<>();
    for (String p : paths) {
      int at = p.equals("config/plugins") || p.startsWith("config/") ? 0 : p.indexOf("/config/");
      if (at < 0) {
        if (!p.contains("/") && isMarker(p)) roots.add("");
        continue;
      }
      String rest = at == 0 ? p.substring("config/".length()) : p.substring(at + "/config/".length());
      if (isMarker(rest)) roots.add(at == 0 ? "" : p.substring(0, at));
    }
    return List.copyOf(roots);
  }

  private static boolean isMarker(String name) {
    return List.of("plugins", "smtp.ini", "smtp.json", "smtp.yaml", "connection.ini", "tls.ini", "relay.ini").contains(name);
  }

  /**
   * Makes JGit skip git's system-wide config. To find it, JGit runs {@code git --version} and
   * {@code git config --system --show-origin --list -z} (two processes, about 40 ms of every hook
   * run); nothing we read (the index, blobs, commits) depends on it. Same effect as
   * {@code GIT_CONFIG_NOSYSTEM=1}, which JGit honours but a JVM cannot set for itself.
   */
  static final class NoSystemConfig extends SystemReader.Delegate {
    private static boolean installed;

    private NoSystemConfig(SystemReader delegate) {
      super(delegate);
    }

    @Override
    public String getenv(String variable) {
      Map<String, String> client = clientEnvironment;
      if (client != null && variable.startsWith("GIT_")) return client.get(variable);
      return super.getenv(variable);
    }

    static synchronized void install() {
      if (installed) return;
      SystemReader.setInstance(new NoSystemConfig(SystemReader.getInstance()));
      installed = true;
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, null, fs) {
        @Override
        public void load() {
          // no system config: nothing to read
        }

        @Override
        public boolean isOutdated() {
          return false;
        }
      };
    }
  }

  public Path workTree() {
    return workTree;
  }

  Repository repository() {
    return repo;
  }

  @Override
  public void close() {
    reader.close();
    repo.close();
  }
}
