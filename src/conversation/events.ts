/**
 * Conversation events: what happened to a conversation, published in-process after the change
 * committed, for the modules that react to it (the robot's responder today; routing and commands
 * subscribe the same way). The conversation service never calls those modules; it publishes.
 *
 * Contract for listeners:
 * - An event is published only after its change committed, once per change on the node that
 *   made it (other nodes learn of it through the hub's frames, not through these events).
 * - Listeners run in subscription order, synchronously from `publish`; a listener that has slow
 *   work starts it and returns (a returned promise is watched, not awaited).
 * - A listener's failure, thrown or rejected, is logged and counted in
 *   `kefu_event_listener_errors_total{event,listener}`; it never reaches the publisher, so it can
 *   never fail a sender's ack or keep another listener from running.
 * - In-process delivery dies with the process: work that must survive a crash (a money command)
 *   is written in the transaction that causes it (an outbox), not started from an event.
 */
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import type { ConversationState, MessageFrame, SenderRole } from '../protocol/frames.ts';

interface Base {
  shopId: string;
  conversationId: string;
  buyerId: string;
}

export interface ConversationEvents {
  /** A message was stored (never for a resent clientMsgId). `state` is the conversation's at that moment. */
  messageStored: Base & {
    message: MessageFrame;
    senderRole: SenderRole;
    state: ConversationState;
    /**
     * The text as the sender typed it, when the stored one differs (sensitive words masked): for
     * understanding only, on this node, never stored or sent ("你们就是***" has lost the insult
     * that makes it a complaint).
     */
    typedText?: string;
  };
  /** The state or the holder changed; `agentId` is the holder after the change, `previousAgentId` before. */
  stateChanged: Base & { from: ConversationState; to: ConversationState; agentId: string | null; previousAgentId: string | null };
  /** A buyer's first message created the conversation (state `bot`). */
  conversationOpened: Base;
  /** The conversation closed; `agentId` is who held it, if anyone. */
  conversationClosed: Base & { agentId: string | null };
}
export type ConversationEventName = keyof ConversationEvents;
export type Listener<E extends ConversationEventName> = (event: ConversationEvents[E]) => void | Promise<void>;

export class ConversationEventBus {
  readonly #listeners: { [E in ConversationEventName]: Array<{ name: string; fn: Listener<E> }> } = {
    messageStored: [],
    stateChanged: [],
    conversationOpened: [],
    conversationClosed: [],
  };
  readonly #log: Logger;
  readonly #errors: Counter<'event' | 'listener'> | undefined;

  constructor(deps: { log: Logger; errors?: Counter<'event' | 'listener'> }) {
    this.#log = deps.log;
    this.#errors = deps.errors;
  }

  /** Adds a listener; `name` labels its failures in logs and metrics. Returns its removal. */
  on<E extends ConversationEventName>(event: E, name: string, fn: Listener<E>): () => void {
    const entry = { name, fn };
    const list = this.#listeners[event];
    list.push(entry);
    return () => {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
    };
  }

  publish<E extends ConversationEventName>(event: E, payload: ConversationEvents[E]): void {
    for (const { name, fn } of this.#listeners[event]) {
      try {
        const r = fn(payload);
        if (r) r.catch((e: unknown) => this.#failed(event, name, payload, e));
      } catch (e) {
        this.#failed(event, name, payload, e);
      }
    }
  }

  #failed(event: ConversationEventName, listener: string, payload: Base, e: unknown): void {
    this.#errors?.inc({ event, listener });
    this.#log.warn({ event, listener, conversationId: payload.conversationId, err: (e as Error)?.message ?? String(e) }, 'conversation event listener failed');
  }
}
