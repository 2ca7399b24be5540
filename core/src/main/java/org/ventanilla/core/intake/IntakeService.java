package org.ventanilla.core.intake;

/**
 * The one entry of every contact: proposes who the citizen is, classifies the contact, stores the
 * interaction, gives a radicado and a due date where the rules say so, and records the event in the same
 * transaction (outbox). Idempotent by (channel, external id). Blocking: call it off the event loop.
 */
public interface IntakeService {

    /** Takes in one contact; the result is stored (durably) when this returns. */
    IntakeResult receive(InboundContact contact);
}
