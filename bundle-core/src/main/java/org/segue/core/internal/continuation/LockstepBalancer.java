package org.segue.core.internal.continuation;

import java.util.ArrayList;
import java.util.List;

import org.segue.core.internal.model.Distributions;
import org.segue.core.internal.model.StaffSession;
import org.segue.core.internal.model.Token;
import org.segue.model.Duration;

/**
 * Balances the staves of several variations at once, in rounds: in each round every unfinished variation draws
 * the next sound of its staff that is behind ({@link StreamBalancer}), as it would alone. Before the draws, each
 * staff's network reads the previous choices of all the variations about to draw from it (each with its onset
 * context, which is known now that the staff's turn has come) in one batched step,
 * so that the network's weights (megabytes, which do not stay in a core's cache from one step to the next) are
 * read once per round rather than once per variation.
 */
final class LockstepBalancer {

    private LockstepBalancer() {
    }

    /**
     * @param generators per variation, one generator per staff; generator {@code [v][s]} writes row {@code v} of
     *        {@code sessions[s]}
     * @return per variation, one stream per staff, each lasting exactly {@code total}
     */
    static List<List<List<Sound>>> balance(Duration total, List<List<StaffGenerator>> generators,
                                           List<StaffSession> sessions) {
        int variations = generators.size();
        List<StreamBalancer> balancers = new ArrayList<>(variations);
        for (List<StaffGenerator> staves : generators) balancers.add(new StreamBalancer(total, staves));
        int[] turn = new int[variations];
        int[] rows = new int[variations];
        Token[] tokens = new Token[variations];
        float[][] contexts = new float[variations][];
        StaffGenerator[] readers = new StaffGenerator[variations];
        while (true) {
            boolean any = false;
            for (int v = 0; v < variations; v++) {
                turn[v] = balancers.get(v).behind();
                any |= turn[v] >= 0;
            }
            if (!any) break;
            for (int staff = 0; staff < sessions.size(); staff++) {
                int count = 0;
                for (int v = 0; v < variations; v++) {
                    StaffGenerator generator = turn[v] == staff ? generators.get(v).get(staff) : null;
                    if (generator == null || generator.pending() == null) continue;
                    rows[count] = v;
                    tokens[count] = generator.pending();
                    contexts[count] = generator.pendingContext();
                    readers[count++] = generator;
                }
                if (count == 0) continue;
                Distributions[] next = sessions.get(staff).step(rows, tokens, contexts, count);
                for (int k = 0; k < count; k++) readers[k].read(next[k]);
            }
            for (int v = 0; v < variations; v++) {
                if (turn[v] >= 0) balancers.get(v).draw(turn[v]);
            }
        }
        List<List<List<Sound>>> streams = new ArrayList<>(variations);
        for (StreamBalancer balancer : balancers) streams.add(balancer.streams());
        return streams;
    }
}
