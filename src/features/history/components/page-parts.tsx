import { Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './page-parts.module.css';

/**
 * The History page's frame as Mantine renders its Stack, Group, Title, Text and default Button:
 * the same elements, classes and data attributes, the CSS variables from page-parts.module.css,
 * but plain elements. The page renders all of them on the click that opens it, and each Mantine
 * component is useProps, the styles API and a Box (issue 15: the first page's budget). Buttons
 * that show a loader (export) stay Mantine's.
 */

export const stackClass = Stack.classes.root ?? '';
export const apartGroupClass = [Group.classes.root, classes.apart].join(' ');
export const tightGroupClass = [Group.classes.root, classes.tight].join(' ');
export const fieldsetGroupClass = [Group.classes.root, classes.fieldset].join(' ');
export const titleClass = [Title.classes.root, classes.title].join(' ');
export const textClass = ['mantine-focus-auto', Text.classes.root].join(' ');
export const smallTextClass = [textClass, classes.smallText].join(' ');

const buttonBase = [Button.classes.root, UnstyledButton.classes.root, classes.defaultButton];
// Mantine leaves out the pressed-state class of a disabled button.
const buttonClass = ['mantine-focus-auto mantine-active', ...buttonBase].join(' ');
const disabledButtonClass = ['mantine-focus-auto', ...buttonBase].join(' ');

/** `<Button variant="default">` (size sm, no loader). */
export function DefaultButton({
  disabled = false,
  onClick,
  children,
}: {
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={disabled ? disabledButtonClass : buttonClass}
      data-variant="default"
      data-disabled={disabled || undefined}
      disabled={disabled}
      onClick={onClick}
    >
      <span className={Button.classes.inner}>
        <span className={Button.classes.label}>{children}</span>
      </span>
    </button>
  );
}
