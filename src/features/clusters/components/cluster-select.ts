// Its own module so that Mantine's Select (combobox, popover, floating-ui) is split off the entry
// chunk: it is needed only when several clusters are configured.
export { Select } from '@mantine/core';
