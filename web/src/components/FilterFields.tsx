// The fields of a list's filter bar, the same on every list: a search box, and choices that can be cleared.
import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** A search box (the keyboard's search key, a magnifier). */
export function SearchField(props: Omit<TextInputProps, 'type'>) {
  return <TextInput type="search" leftSection={<IconSearch size={16} aria-hidden />} {...props} />;
}

/** A choice that narrows the list; cleared, it is "Tất cả". `what` names it in the clear button: "Bỏ lọc {what}". */
export function FilterSelect({ what, ...props }: SelectProps & { what: string }) {
  return <Select placeholder="Tất cả" clearable clearButtonProps={{ 'aria-label': `Bỏ lọc ${what}` }} {...props} />;
}
