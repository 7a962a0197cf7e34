package org.collapselab.experiments.diagnose;

import java.util.Arrays;
import java.util.Comparator;

/** Accuracy (threshold 0.5) and area under the ROC curve of scores against 0/1 labels. */
final class BinaryMetrics {
    private BinaryMetrics() {}

    /** Share of rows with (score ≥ 0.5) == (label == 1). */
    static double accuracy(double[] score, double[] label) {
        int right = 0;
        for (int i = 0; i < score.length; i++) {
            right += (score[i] >= 0.5) == (label[i] == 1) ? 1 : 0;
        }
        return (double) right / score.length;
    }

    /** AUC by the Mann–Whitney rank statistic (ties count one half); NaN when one class is absent. */
    static double auc(double[] score, double[] label) {
        int n = score.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> score[i]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (label[idx[k]] == 1) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
