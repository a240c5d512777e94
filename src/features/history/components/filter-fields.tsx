import { ComboboxChevron, Input, InputWrapper } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './filter-fields.module.css';

/**
 * A labelled native select and a labelled text input, rendered as Mantine's NativeSelect and
 * TextInput render them (same elements, classes and data attributes) but as plain elements: six
 * Mantine inputs (useProps, the styles API, a Box each, four levels deep) were the largest part of
 * the History page's first render after its rows (issue 15). The label names the control
 * (`for`/`id`), as Mantine's does.
 */

const rootClass = InputWrapper.classes.root;
const labelClass = [InputWrapper.classes.label, classes.label].join(' ');
const wrapperClass = [Input.classes.wrapper, classes.wrapper].join(' ');
const selectWrapperClass = [wrapperClass, classes.select].join(' ');
const inputClass = Input.classes.input;

// Mantine's ComboboxChevron (size sm), made once.
const chevron = (
  <div data-position="right" className={Input.classes.section} aria-hidden="true">
    <svg
      className={ComboboxChevron.classes.chevron}
      data-combobox-chevron="true"
      viewBox="0 0 15 15"
      fill="none"
      xmlns="http://www.w3.org/2000/svg"
    >
      <path
        d="M4.93179 5.43179C4.75605 5.60753 4.75605 5.89245 4.93179 6.06819C5.10753 6.24392 5.39245 6.24392 5.56819 6.06819L7.49999 4.13638L9.43179 6.06819C9.60753 6.24392 9.89245 6.24392 10.0682 6.06819C10.2439 5.89245 10.2439 5.60753 10.0682 5.43179L7.81819 3.18179C7.73379 3.0974 7.61933 3.04999 7.49999 3.04999C7.38064 3.04999 7.26618 3.0974 7.18179 3.18179L4.93179 5.43179ZM10.0682 9.56819C10.2439 9.39245 10.2439 9.10753 10.0682 8.93179C9.89245 8.75606 9.60753 8.75606 9.43179 8.93179L7.49999 10.8636L5.56819 8.93179C5.39245 8.75606 5.10753 8.75606 4.93179 8.93179C4.75605 9.10753 4.75605 9.39245 4.93179 9.56819L7.18179 11.8182C7.35753 11.9939 7.64245 11.9939 7.81819 11.8182L10.0682 9.56819Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  </div>
);

function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div className={rootClass} data-size="sm">
      <label className={labelClass} data-size="sm" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

export interface FilterOption {
  value: string;
  label: string;
}

export function SelectField(props: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
}) {
  const { label, value, onChange, options } = props;
  const id = useId();
  return (
    <Field id={id} label={label}>
      <div
        className={selectWrapperClass}
        data-variant="default"
        data-size="sm"
        data-pointer="true"
        data-with-right-section="true"
      >
        <select
          id={id}
          className={inputClass}
          data-variant="default"
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {chevron}
      </div>
    </Field>
  );
}

export function TextField(props: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  placeholder?: string;
  maxLength?: number;
}) {
  const { label, value, onChange, type = 'text', placeholder, maxLength } = props;
  const id = useId();
  return (
    <Field id={id} label={label}>
      <div className={wrapperClass} data-variant="default" data-size="sm">
        <input
          id={id}
          type={type}
          className={inputClass}
          data-variant="default"
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      </div>
    </Field>
  );
}
