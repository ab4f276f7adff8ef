package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GroupCommitTests {

    @Test
    void aCallerAloneRunsAtOnceAndGetsItsResult() {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>(8, jobs -> {
            groups.add(List.copyOf(jobs));
            return jobs.stream().map(job -> "done " + job).toList();
        });

        assertThat(commit.run(7)).isEqualTo("done 7");
        assertThat(groups).containsExactly(List.of(7));
    }

    @Test
    void callersArrivingWhileAGroupCommitsFormTheNextGroupAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstGroupEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstGroup = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(64, jobs -> {
            groups.add(List.copyOf(jobs));
            if (groups.size() == 1) {
                firstGroupEntered.countDown();
                await(releaseFirstGroup);
            }
            return jobs.stream().map(job -> job * 10).toList();
        });
        ExecutorService callers = Executors.newFixedThreadPool(11);
        try {
            Future<Integer> first = callers.submit(() -> commit.run(0));
            assertThat(firstGroupEntered.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int job = i;
                waiting.add(callers.submit(() -> commit.run(job)));
            }
            Thread.sleep(100); // the ten are queued behind the lane by now
            releaseFirstGroup.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
            for (int i = 1; i <= 10; i++) {
                assertThat(waiting.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo(i * 10);
            }
            assertThat(groups).hasSizeLessThanOrEqualTo(3);
            assertThat(groups.get(0)).containsExactly(0);
            assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(11);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedGroupRunsEachJobAloneSoOnlyTheBadOneFails() throws Exception {
        CountDownLatch firstGroupEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstGroup = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(64, jobs -> {
            groups.add(List.copyOf(jobs));
            if (groups.size() == 1) {
                firstGroupEntered.countDown();
                await(releaseFirstGroup);
            }
            if (jobs.contains(13)) {
                throw new IllegalStateException("13 is refused");
            }
            return jobs;
        });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = callers.submit(() -> commit.run(1));
            assertThat(firstGroupEntered.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Integer> good = callers.submit(() -> commit.run(2));
            Future<Integer> bad = callers.submit(() -> commit.run(13));
            Future<Integer> alsoGood = callers.submit(() -> commit.run(3));
            Thread.sleep(100);
            releaseFirstGroup.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(alsoGood.get(5, TimeUnit.SECONDS)).isEqualTo(3);
            assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("13 is refused");
            assertThat(groups).contains(List.of(2), List.of(3), List.of(13));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGroupNeverExceedsItsLimit() throws Exception {
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(3, jobs -> {
            sizes.add(jobs.size());
            return jobs;
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int job = i;
                results.add(callers.submit(() -> commit.run(job)));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 3));
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        } finally {
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
