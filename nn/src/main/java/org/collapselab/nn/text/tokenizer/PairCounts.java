package org.collapselab.nn.text.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.collapselab.nn.text.tokenizer.BpeTokenizer.Merge;

/**
 * The BPE merge loop over distinct pieces with their counts: adjacent-pair counts are kept up to date incrementally
 * (only the pieces that contain the merged pair are re-counted) and the best pair is taken from a priority queue with
 * lazy deletion, so learning k merges costs about the size of the pieces touched rather than k passes over all.
 */
final class PairCounts {
    private final List<int[]> words;
    private final long[] freq;
    private final Map<Long, Long> counts = new HashMap<>();
    private final Map<Long, List<Integer>> where = new HashMap<>();
    private final PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(b[1], a[1]);
        return c != 0 ? c : Long.compare(a[0], b[0]);
    });

    PairCounts(List<int[]> words, long[] freq) {
        this.words = new ArrayList<>(words);
        this.freq = freq;
        for (int w = 0; w < words.size(); w++) {
            add(w, +1);
        }
        counts.forEach((p, c) -> queue.add(new long[] {p, c}));
    }

    List<Merge> learn(int firstId, int vocabSize, int minCount) {
        List<Merge> merges = new ArrayList<>();
        int next = firstId;
        while (next < vocabSize && !queue.isEmpty()) {
            long[] top = queue.poll();
            long current = counts.getOrDefault(top[0], 0L);
            if (current != top[1]) {
                continue; // stale entry
            }
            if (current < minCount) {
                break;
            }
            int left = (int) (top[0] >>> 32);
            int right = (int) top[0];
            merges.add(new Merge(left, right, next));
            List<Integer> touched = where.remove(top[0]);
            Map<Long, Long> before = new HashMap<>();
            for (int w : touched) {
                if (contains(words.get(w), left, right)) {
                    add(w, -1, before);
                    words.set(w, apply(words.get(w), left, right, next));
                    add(w, +1, before);
                }
            }
            counts.remove(top[0]);
            for (long p : before.keySet()) {
                Long c = counts.get(p);
                if (c != null && c > 0) {
                    queue.add(new long[] {p, c});
                }
            }
            next++;
        }
        return merges;
    }

    private void add(int w, int sign) {
        add(w, sign, null);
    }

    private void add(int w, int sign, Map<Long, Long> changed) {
        int[] s = words.get(w);
        for (int i = 0; i + 1 < s.length; i++) {
            long p = BpeTokenizer.pair(s[i], s[i + 1]);
            long c = counts.merge(p, sign * freq[w], Long::sum);
            if (c <= 0) {
                counts.remove(p);
            }
            if (sign > 0) {
                List<Integer> list = where.computeIfAbsent(p, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != w) {
                    list.add(w);
                }
            }
            if (changed != null) {
                changed.put(p, 0L);
            }
        }
    }

    private static boolean contains(int[] s, int left, int right) {
        for (int i = 0; i + 1 < s.length; i++) {
            if (s[i] == left && s[i + 1] == right) {
                return true;
            }
        }
        return false;
    }

    /** Replaces every non-overlapping occurrence of (left, right), scanning left to right, by {@code id}. */
    static int[] apply(int[] s, int left, int right, int id) {
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
                out[n++] = id;
                i++;
            } else {
                out[n++] = s[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
