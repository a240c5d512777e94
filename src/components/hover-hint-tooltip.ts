// Its own module so that Mantine's Tooltip (and the floating-ui it positions with) is split off
// the entry chunk; only hover-hint.tsx imports it, dynamically.
export { Tooltip } from '@mantine/core';
