/**
 * Web chat: the citizen's WebSocket and widget, and the agent's side of a chat conversation as a WebSocket API.
 *
 * <p>Every message is stored through the records port before it is acknowledged, carries a per-chat sequence
 * number, and reaches every connection of its chat (on any node, through the cluster-events port) once and in
 * order; a connection that resumes after a drop gets the missing messages from the store.
 */
package org.ventanilla.channels.chat;
