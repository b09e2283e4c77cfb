package org.segue.core.internal.network;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a loop over a range on two threads at once: the caller's thread takes the first half, a helper thread the
 * second, and the call returns when both are done. It is meant for the plain-Java gate arithmetic between two BLAS
 * calls of a training step, which otherwise runs on one core while the other waits for the next BLAS call.
 *
 * <p>The helper parks while it has nothing to do, so that it leaves the core to ND4J's OpenMP threads during the
 * BLAS calls, and ends after a second without work (a new one starts with the next call). The caller, whose half
 * takes about as long as the helper's, waits for it spinning for a few microseconds, then parked.
 *
 * <p>One caller at a time.
 */
final class SplitRange {

    /** The body of the loop, over {@code [from, to)}. */
    interface Body {
        void run(int from, int to);
    }

    private static final long IDLE_NANOS = 1_000_000_000L;
    private static final int SPINS = 2_000;

    private final Object lock = new Object();
    private volatile Body body;
    private volatile int from;
    private volatile int to;
    private volatile boolean done;
    private volatile Throwable failure;
    private volatile Thread caller;
    private Thread helper; // guarded by lock

    /** Runs {@code body} over {@code [0, n)}, split in two halves; runs it in one piece where that is too small. */
    void run(int n, Body body) {
        if (n < 2) {
            body.run(0, n);
            return;
        }
        int middle = n / 2;
        from = middle;
        to = n;
        done = false;
        failure = null;
        caller = Thread.currentThread();
        this.body = body;
        wakeHelper();
        body.run(0, middle);
        for (int spin = 0; !done && spin < SPINS; spin++) Thread.onSpinWait();
        while (!done) LockSupport.park(this);
        if (failure instanceof RuntimeException e) throw e;
        if (failure instanceof Error e) throw e;
    }

    private void wakeHelper() {
        synchronized (lock) {
            if (helper == null) {
                helper = new Thread(this::serve, "segue-training-split");
                helper.setDaemon(true);
                helper.start();
            } else {
                LockSupport.unpark(helper);
            }
        }
    }

    private void serve() {
        long idleSince = System.nanoTime();
        while (true) {
            Body work = body;
            if (work == null) {
                synchronized (lock) {
                    if (body == null && System.nanoTime() - idleSince > IDLE_NANOS) {
                        helper = null;
                        return;
                    }
                }
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            body = null;
            try {
                work.run(from, to);
            } catch (Throwable e) {
                failure = e;
            }
            done = true;
            LockSupport.unpark(caller);
            idleSince = System.nanoTime();
        }
    }
}
