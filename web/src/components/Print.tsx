// Printing a page (print.css does the layout): the line on top of every printed page (the app, the unit, the page's
// title and the day it was printed), an "In" button for the page header's actions, and a hook that tells a list
// showing its first rows only to show them all while the browser prints.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { formatDay, todayVn } from '../format.ts';
import { APP_NAME } from './PageTitle.tsx';

function subscribePrinting(onChange: () => void): () => void {
  // flushSync: the browser lays the page out for printing as soon as "beforeprint" returns.
  const set = (v: boolean) => () => {
    printing = v;
    flushSync(onChange);
  };
  const before = set(true);
  const afterPrint = set(false);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', afterPrint);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', afterPrint);
  };
}
let printing = false;

/** True while the browser prints the page (between "beforeprint" and "afterprint"). */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribePrinting,
    () => printing,
    () => false,
  );
}

/** The page's title as the tab shows it, without the app's name (usePageTitle sets it). */
function pageTitle(): string {
  const t = document.title;
  return t.endsWith(` · ${APP_NAME}`) ? t.slice(0, -` · ${APP_NAME}`.length) : t === APP_NAME ? '' : t;
}

/** Printed on top of a signed-in page (hidden on screen): the page's title; the app, the unit and the day printed. */
export function PrintHeader({ unitName }: { unitName: string }) {
  const [title, setTitle] = useState(pageTitle);
  const [day, setDay] = useState(() => todayVn());
  const isPrinting = usePrinting();
  useEffect(() => {
    const el = document.querySelector('title');
    if (!el) return;
    const observer = new MutationObserver(() => setTitle(pageTitle()));
    observer.observe(el, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (isPrinting) setDay(todayVn());
  }, [isPrinting]);
  return (
    <div className="print-header">
      <span className="print-header-title">{title || APP_NAME}</span>
      <span>
        {APP_NAME} · {unitName} · In ngày {formatDay(day)}
      </span>
    </div>
  );
}

/** "In": prints the page as print.css lays it out. */
export function PrintButton({ label = 'In' }: { label?: string }) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconPrinter size={16} aria-hidden />}
      onClick={() => window.print()}
      className="no-print"
    >
      {label}
    </Button>
  );
}
