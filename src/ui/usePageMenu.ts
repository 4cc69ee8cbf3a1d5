import { useEffect, useState } from 'preact/hooks';
import type { PageMenuAccess } from './client.ts';
import { BROWSER } from './browser-name.ts';

export type PageMenuStatus = 'checking' | 'off' | 'asking' | 'on';

export interface PageMenuView {
  status: PageMenuStatus;
  /** Why the last click did not end as asked, if it did not. */
  note?: string;
  turnOn(): void;
  turnOff(): void;
}

/** The page menu's switch: its state follows the browser's grant, whichever view or the browser's extension settings changed it. */
export function usePageMenu(access: PageMenuAccess): PageMenuView {
  const [status, setStatus] = useState<PageMenuStatus>('checking');
  const [note, setNote] = useState<string>();

  useEffect(() => {
    let live = true;
    const read = () =>
      void access.isOn().then(
        (on) => live && setStatus(on ? 'on' : 'off'),
        () => live && setStatus('off'),
      );
    read();
    const stop = access.onChange(read);
    return () => {
      live = false;
      stop();
    };
  }, [access]);

  return {
    status,
    note,
    turnOn() {
      setNote(undefined);
      setStatus('asking');
      // No await before this call: the browser shows its prompt only inside the click.
      void access.turnOn().then(
        (granted) => {
          setStatus(granted ? 'on' : 'off');
          if (!granted) setNote(`${BROWSER.name} did not give access to all sites, so the page menu stays off.`);
        },
        (error: unknown) => {
          setStatus('off');
          setNote(`${BROWSER.name} refused: ${String(error)}`);
        },
      );
    },
    turnOff() {
      setNote(undefined);
      void access.turnOff().then(
        (off) => {
          setStatus(off ? 'off' : 'on');
          if (!off) setNote(`${BROWSER.name} kept the access. Remove it under ${BROWSER.siteAccess}.`);
        },
        (error: unknown) => setNote(`${BROWSER.name} refused: ${String(error)}`),
      );
    },
  };
}
