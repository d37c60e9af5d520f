import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** One fact of a record in a definition list (`<dl className="info-list">`): its label, then its value. */
export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="info-row">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
