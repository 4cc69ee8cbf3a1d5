/**
 * The typing form's own keys, the same in the popup and the panel: Enter in a field submits it, and
 * Ctrl+Enter (Cmd+Enter on a Mac) stops typing from any field of the form.
 */
export function fireFormHandlers(fire: () => void) {
  return {
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
