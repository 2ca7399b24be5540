package org.ventanilla.routing.api;

import java.time.Duration;

/**
 * Live figures of one queue, counted since routing started.
 *
 * @param queueId              the queue
 * @param waiting              items waiting now (offered but not accepted ones included)
 * @param longestWait          how long the oldest waiting item has waited, {@link Duration#ZERO} when none
 * @param entered              items that entered the queue
 * @param answered             items accepted by an agent
 * @param answeredWithinTarget items accepted within the queue's service-level target
 * @param abandoned            items abandoned by the citizen while waiting
 * @param overflowed           items that reached the maximum wait and overflowed
 * @param serviceLevelPercent  answered within target / (answered + abandoned), 100 when nothing was answered or lost
 * @param averageSpeedOfAnswer mean wait of the answered items, {@link Duration#ZERO} when none
 */
public record QueueMetrics(String queueId, int waiting, Duration longestWait, long entered, long answered,
        long answeredWithinTarget, long abandoned, long overflowed, double serviceLevelPercent, Duration averageSpeedOfAnswer) {
}
