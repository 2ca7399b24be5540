/**
 * What the server does with the overflows routing leaves to others: a callback request or a deferred case for a contact
 * that waited its queue's maximum, put on the owning team's work list ({@link org.ventanilla.ops.overflow.OverflowHandler}
 * on the event bus, {@link org.ventanilla.ops.overflow.OverflowActions} through core).
 */
package org.ventanilla.ops.overflow;
