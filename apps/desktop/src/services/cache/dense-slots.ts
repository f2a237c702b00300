// Ids (departments, divisions) numbered 0, 1, 2… in the order they are first seen, so the sums of a
// statistics request go into typed arrays indexed by slot instead of Maps of objects.
export class DenseSlots {
  private readonly slotOf = new Map<number, number>();
  private readonly list: number[] = [];

  /** slot → id */
  get ids(): readonly number[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** The id's slot, a new one when the id is first seen. */
  slot(id: number): number {
    let found = this.slotOf.get(id);
    if (found === undefined) {
      found = this.list.push(id) - 1;
      this.slotOf.set(id, found);
    }
    return found;
  }

  /** The id's slot; undefined when it was never seen. */
  find(id: number): number | undefined {
    return this.slotOf.get(id);
  }
}
