// Mantine theme: a deep blue primary with good contrast on white (WCAG AA for text and filled buttons).
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const thBlue: MantineColorsTuple = [
  '#e7f1fb',
  '#cfe1f5',
  '#a0c2ea',
  '#6ea1df',
  '#4585d5',
  '#2b72cf',
  '#1c66c9',
  '#1864ab',
  '#0f4f8c',
  '#073f73',
];

export const theme = createTheme({
  primaryColor: 'thBlue',
  primaryShade: { light: 7, dark: 4 },
  colors: { thBlue },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Đóng' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Đóng thông báo' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    },
    // Vietnamese reads better without capitals (diacritics stay legible).
    Badge: { styles: { root: { textTransform: 'none', fontWeight: 600 } } },
  },
});

/** Dimmed text a shade darker than Mantine's default, so it keeps a 4.5:1 contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-error': t.colors.red[9],
    // Text of "light" variants (Alert titles, light buttons, badges) dark enough for 4.5:1 on their tint.
    '--mantine-color-red-light-color': '#a61b1b',
    '--mantine-color-orange-light-color': '#8f3b00',
    '--mantine-color-yellow-light-color': '#6b4f00',
    '--mantine-color-green-light-color': '#1d6b32',
    '--mantine-color-gray-light-color': t.colors.gray[8],
    '--mantine-color-thBlue-light-color': thBlue[8],
  },
  dark: {},
});
