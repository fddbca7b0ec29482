import type { EventData, EventDefinition, EventEnvelope } from '@khao/contracts';

/** A handler of one event type: its payload already parsed with the contract's schema. */
export type EventHandler<D extends EventDefinition = EventDefinition> = (
  event: EventEnvelope<EventData<D>>,
) => void | Promise<void>;

interface Route {
  definition: EventDefinition;
  handler: EventHandler;
  parse: boolean;
}

/**
 * Handlers by event type, each registered with the contract's definition: the definitions name the subjects to
 * subscribe to, and their schemas parse the payloads. One handler a type.
 */
export class EventRoutes {
  private readonly routes = new Map<string, Route>();

  add<D extends EventDefinition>(definition: D, handler: EventHandler<D>): void {
    this.set({ definition, handler, parse: true });
  }

  /** The payload as it came, unparsed: for a handler that copies what any event says and must refuse none. */
  addRaw(definition: EventDefinition, handler: (event: EventEnvelope) => void | Promise<void>): void {
    this.set({ definition, handler, parse: false });
  }

  private set(route: Route): void {
    if (this.routes.has(route.definition.type)) throw new Error(`'${route.definition.type}' has a handler already`);
    this.routes.set(route.definition.type, route);
  }

  get size(): number {
    return this.routes.size;
  }

  subjects(): string[] {
    return [...this.routes.values()].map((r) => r.definition.subject);
  }

  /**
   * Runs the handler of the event's type with its payload parsed by the contract's schema; false when no handler
   * takes that type. A payload that does not parse throws, as a failing handler does.
   */
  async dispatch(event: EventEnvelope): Promise<boolean> {
    const route = this.routes.get(event.type);
    if (!route) return false;
    await route.handler(route.parse ? { ...event, data: route.definition.data.parse(event.data) } : event);
    return true;
  }
}
