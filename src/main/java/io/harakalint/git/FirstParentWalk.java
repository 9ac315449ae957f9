package io.harakalint.git;

import io.harakalint.load.UserError;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The first-parent chain from a base commit (exclusive; default: before the root commit) to a head,
 * oldest first, read without a checkout. Each {@link #advance} moves to the next commit and tells
 * which paths it changed against the previous one (git's tree diff, rename detection off), keeping
 * the full listing up to date from the diff instead of re-reading every tree. Merges are followed
 * through their first parent only: a merged branch counts as the merge commit's change.
 */
public final class FirstParentWalk implements AutoCloseable {
  private final GitRepo repo;
  private final RevWalk walk;
  private final RevCommit base;
  private final List<RevCommit> chain;
  private final TreeMap<String, GitTreeSource.Entry> files = new TreeMap<>();
  private final List<String> changed = new ArrayList<>();
  private int position = -1;
  /** One reader per thread that reads blobs (JGit's readers are not thread-safe), closed with the walk. */
  private final List<ObjectReader> readers = new ArrayList<>();
  private final ThreadLocal<ObjectReader> threadReader = ThreadLocal.withInitial(this::newReader);

  private FirstParentWalk(GitRepo repo, RevWalk walk, RevCommit base, List<RevCommit> chain) {
    this.repo = repo;
    this.walk = walk;
    this.base = base;
    this.chain = chain;
  }

  /**
   * @param head the last commit (a revision git understands)
   * @param since the base, or null to start at the root commit
   * @throws UserError for an empty repository, an unknown revision, or a base not on head's first-parent chain
   */
  public static FirstParentWalk of(GitRepo repo, String head, String since) {
    RevWalk walk = new RevWalk(repo.repository());
    try {
      RevCommit h = resolve(repo.repository(), walk, head, "--rev");
      RevCommit b = since == null ? null : resolve(repo.repository(), walk, since, "--since");
      List<RevCommit> chain = new ArrayList<>();
      for (RevCommit c = h; !c.equals(b); ) {
        chain.add(c);
        if (c.getParentCount() == 0) {
          if (b != null) throw new UserError("--since " + since + " is not on the first-parent chain of " + head);
          break;
        }
        c = walk.parseCommit(c.getParent(0));
      }
      Collections.reverse(chain);
      FirstParentWalk w = new FirstParentWalk(repo, walk, b, chain);
      if (b != null) w.diff(null, b);
      return w;
    } catch (MissingObjectException e) {
      throw new UserError("git: history before " + e.getObjectId().abbreviate(7).name()
          + " is not in this clone (shallow?): fetch more history or pass --since");
    } catch (IOException e) {
      throw new UserError("git: history cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static RevCommit resolve(Repository r, RevWalk walk, String rev, String option) throws IOException {
    ObjectId id = r.resolve(rev + "^{commit}");
    if (id == null) {
      if (rev.equals("HEAD") && r.resolve("HEAD") == null) throw new UserError("the repository has no commits yet");
      throw new UserError(option + ": no commit '" + rev + "'");
    }
    return walk.parseCommit(id);
  }

  /** How many commits the walk visits (the base not included). */
  public int size() {
    return chain.size();
  }

  /** The --since commit, whose listing {@link #files} holds before the first {@link #advance}; null without one. */
  public CommitInfo base() {
    return base == null ? null : info(base);
  }

  /** Moves to the next commit; false when the head has been reached. */
  public boolean advance() {
    if (position + 1 >= chain.size()) return false;
    RevCommit previous = position >= 0 ? chain.get(position) : base;
    position++;
    try {
      diff(previous, chain.get(position));
    } catch (IOException e) {
      throw new UserError("git: commit " + chain.get(position).abbreviate(7).name() + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    return true;
  }

  /** Index of the current commit, 0 for the oldest; -1 while at the base. */
  public int position() {
    return position;
  }

  /** The commit at {@code index} (as {@link #position} counts). */
  public CommitInfo commit(int index) {
    return info(chain.get(index));
  }

  /** Paths the current commit added, changed or removed, against the previous one. */
  public List<String> changed() {
    return Collections.unmodifiableList(changed);
  }

  /** Every path of the current commit with its blob. */
  public NavigableMap<String, GitTreeSource.Entry> files() {
    return Collections.unmodifiableNavigableMap(files);
  }

  private void diff(RevCommit from, RevCommit to) throws IOException {
    changed.clear();
    try (TreeWalk tw = new TreeWalk(walk.getObjectReader())) {
      if (from == null) tw.addTree(new EmptyTreeIterator());
      else tw.addTree(from.getTree());
      tw.addTree(to.getTree());
      tw.setRecursive(true);
      tw.setFilter(TreeFilter.ANY_DIFF);
      while (tw.next()) {
        String path = tw.getPathString();
        changed.add(path);
        FileMode mode = tw.getFileMode(1);
        if (mode == FileMode.MISSING) files.remove(path);
        else files.put(path, new GitTreeSource.Entry(tw.getObjectId(1), mode));
      }
    }
  }

  private static CommitInfo info(RevCommit c) {
    PersonIdent a = c.getAuthorIdent();
    String date = OffsetDateTime.ofInstant(a.getWhenAsInstant(), a.getZoneId()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return new CommitInfo(c.getName(), c.abbreviate(7).name(), a.getName(), a.getEmailAddress(), date, c.getShortMessage());
  }

  private ObjectReader newReader() {
    ObjectReader r = repo.repository().newObjectReader();
    synchronized (readers) {
      readers.add(r);
    }
    return r;
  }

  @Override
  public void close() {
    walk.close();
    synchronized (readers) {
      readers.forEach(ObjectReader::close);
    }
  }

  /**
   * The current commit's tree below {@code root}, as a loader source. It is a snapshot: the walk may
   * move on while another thread loads it, reading blobs with that thread's own reader.
   */
  public GitTreeSource tree(String root, String displayName) {
    return new GitTreeSource(displayName, GitRepo.below(files, root), threadReader::get);
  }
}
