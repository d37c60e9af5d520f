import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';

/** Tones with text dark enough for 4.5:1 contrast on their pale background (Mantine's light badges are not). */
const TONES = {
  green: { bg: '#e3f6e8', fg: '#1d6b32' },
  red: { bg: '#fde8e8', fg: '#a61b1b' },
  orange: { bg: '#fff0e0', fg: '#8f3b00' },
  gray: { bg: '#eceff2', fg: '#3d454d' },
  blue: { bg: '#e3eefa', fg: '#0f4f8c' },
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, children, size = 'md' }: { tone: Tone; children: ReactNode; size?: 'sm' | 'md' }) {
  const t = TONES[tone];
  return (
    <Badge
      size={size}
      variant="filled"
      styles={{ root: { background: t.bg, color: t.fg, flexShrink: 0, maxWidth: '100%' } }}
    >
      {children}
    </Badge>
  );
}
