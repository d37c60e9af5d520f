import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseViDate } from '../format.ts';

/** A date input in the Vietnamese way: shows and reads dd/mm/yyyy, says "ngày/tháng/năm" while empty; value is 'YYYY-MM-DD' or null. */
export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser' | 'locale'>) {
  return (
    <DateInput
      placeholder="ngày/tháng/năm"
      clearable
      {...props}
      valueFormat="DD/MM/YYYY"
      dateParser={parseViDate}
      locale="vi"
      clearButtonProps={{ 'aria-label': 'Xóa ngày' }}
      nextLabel="Tháng sau"
      previousLabel="Tháng trước"
    />
  );
}
