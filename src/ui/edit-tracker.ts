/** What the operator changes that is stored: the active environment's key, or the settings. */
export type StoredValue = 'key' | 'settings';
/** Fields whose text the operator may be typing while an echo of a stored change arrives. */
export type EditedField = 'apiKey' | 'baseUrl' | 'profileName';

/**
 * Who changed what, for one view. Three questions decide whether a value arriving from storage may replace
 * what the field shows, and what the worker may assume on the next request:
 * - is the operator editing this field (an echo of this view's own write must not overwrite it mid-word)?
 * - has the operator changed this value since the view opened (the stored values that replace the popup's
 *   first-paint copy must not undo it)?
 * - has this view written, or heard of, a change since its last request (else the worker reuses its last read)?
 */
export interface EditTracker {
  begin(field: EditedField): void;
  end(field: EditedField): void;
  /**
   * The field counts as edited until the last of its writes so far has landed: typing fast leaves several
   * writes in flight, and the first one landing must not let its echo put back an older value.
   */
  editedUntil(field: EditedField, write: Promise<unknown>): Promise<unknown>;
  isEditing(field: EditedField): boolean;
  /** The operator changed `what`; `write` stores it, and the next request waits for it to land. */
  wrote(what: StoredValue, write: Promise<unknown>): void;
  /** Another view or the worker changed the settings or a key. */
  heardOfChange(): void;
  changedSinceOpening(what: StoredValue): boolean;
  /**
   * Waits for this view's writes to land, as a request reads them from storage, and says whether nothing changed
   * since the last request. The first request of a view always counts as changed.
   */
  beforeRequest(): Promise<{ settingsUnchanged: boolean }>;
}

export function createEditTracker(): EditTracker {
  const editing = new Set<EditedField>();
  const writing = new Map<EditedField, number>();
  const changed = { key: false, settings: false };
  let changedSinceRequest = true;
  let writes: Promise<unknown> = Promise.resolve();
  return {
    begin: (field) => void editing.add(field),
    end: (field) => void editing.delete(field),
    editedUntil(field, write) {
      writing.set(field, (writing.get(field) ?? 0) + 1);
      return write.finally(() => writing.set(field, writing.get(field)! - 1));
    },
    isEditing: (field) => editing.has(field) || (writing.get(field) ?? 0) > 0,
    wrote(what, write) {
      changed[what] = true;
      changedSinceRequest = true;
      writes = Promise.all([writes, write.catch(() => undefined)]);
    },
    heardOfChange() {
      changedSinceRequest = true;
    },
    changedSinceOpening: (what) => changed[what],
    async beforeRequest() {
      await writes;
      const settingsUnchanged = !changedSinceRequest;
      changedSinceRequest = false;
      return { settingsUnchanged };
    },
  };
}
