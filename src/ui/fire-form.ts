/**
 * The typing form's own props, the same in the popup and the panel: Enter in a field submits it, and
 * Ctrl+Enter (Cmd+Enter on a Mac) stops typing from any field of the form.
 */
export function fireFormProps(fire: () => void) {
  return {
    // Each field says why beside itself; the browser's bubble over a refused, unsaved setting would block a send.
    noValidate: true,
    onSubmit(event: Event) {
      event.preventDefault();
      fire();
    },
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        fire();
      }
    },
  };
}
