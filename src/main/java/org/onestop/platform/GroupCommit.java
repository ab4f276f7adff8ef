package org.onestop.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes that concurrent callers would each commit on their own, committed together.
 *
 * <p>A caller queues its job and waits for the one lane. Whoever holds the lane takes every job
 * waiting (up to a limit), runs them in one go (one transaction, so one commit and one flush of
 * the database's log to disk) and hands each caller its own result. A caller alone runs at once;
 * under load, the jobs that arrive while a group commits form the next group. This is what
 * databases do for their own commits, moved up to where it also saves the statements' round
 * trips.
 *
 * <p>A group that fails as a whole (one job's unique key, say) must not fail the others: each of
 * its callers then runs its job again, alone, and sees its own outcome.
 *
 * @param <J> a job
 * @param <R> a job's result
 */
public final class GroupCommit<J, R> {

    private final int maxGroup;
    private final Function<List<J>, List<R>> runTogether;
    private final ReentrantLock lane = new ReentrantLock();
    private final Queue<Waiting<J, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param maxGroup    the most jobs committed together
     * @param runTogether runs jobs in one transaction and returns their results in their order
     */
    public GroupCommit(int maxGroup, Function<List<J>, List<R>> runTogether) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one job");
        }
        this.maxGroup = maxGroup;
        this.runTogether = runTogether;
    }

    /** Runs the job, with others if they are waiting, and returns its result or throws its failure. */
    public R run(J job) {
        Waiting<J, R> mine = new Waiting<>(job);
        queue.add(mine);
        lane.lock();
        try {
            while (!mine.settled) {
                commit(nextGroup());
            }
        } finally {
            lane.unlock();
        }
        if (mine.failure != null) {
            if (mine.groupSize > 1) {
                return alone(job);
            }
            throw mine.failure;
        }
        return mine.result;
    }

    private List<Waiting<J, R>> nextGroup() {
        List<Waiting<J, R>> group = new ArrayList<>();
        Waiting<J, R> next;
        while (group.size() < maxGroup && (next = queue.poll()) != null) {
            group.add(next);
        }
        return group;
    }

    private void commit(List<Waiting<J, R>> group) {
        List<J> jobs = new ArrayList<>(group.size());
        group.forEach(waiting -> jobs.add(waiting.job));
        try {
            List<R> results = runTogether.apply(jobs);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).settle(results.get(i), null, group.size());
            }
        } catch (RuntimeException failure) {
            group.forEach(waiting -> waiting.settle(null, failure, group.size()));
        } catch (Error error) {
            // the callers must not wait for a group that will never settle
            group.forEach(waiting -> waiting.settle(null, new IllegalStateException(error), group.size()));
            throw error;
        }
    }

    private R alone(J job) {
        return runTogether.apply(List.of(job)).get(0);
    }

    private static final class Waiting<J, R> {
        final J job;
        // written by the lane's holder before it unlocks, read by the caller after it locked: the lock orders them
        boolean settled;
        R result;
        RuntimeException failure;
        int groupSize;

        Waiting(J job) {
            this.job = job;
        }

        void settle(R result, RuntimeException failure, int groupSize) {
            this.result = result;
            this.failure = failure;
            this.groupSize = groupSize;
            this.settled = true;
        }
    }
}
