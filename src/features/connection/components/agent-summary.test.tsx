import type { UseQueryResult } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentInfo } from '../../../lib/obshell/agent-info';
import { renderWithApp } from '../../../testing/render';
import { AgentSummary } from './agent-summary';

function answered(info: AgentInfo) {
  // Only what AgentSummary reads of a settled query.
  const query: Pick<UseQueryResult<AgentInfo>, 'isPending' | 'isError' | 'data'> = {
    isPending: false,
    isError: false,
    data: info,
  };
  return query as UseQueryResult<AgentInfo>;
}

const agent: AgentInfo = {
  ip: '10.0.0.5',
  port: 2886,
  identity: 'CLUSTER AGENT',
  version: '4.2.5.0',
  obVersion: '4.3.5.0-100000202024121117',
  supportedAuth: ['v2'],
};

describe('AgentSummary', () => {
  it('shows each field with its caption, the OceanBase build on its own line', () => {
    renderWithApp(<AgentSummary query={answered(agent)} />);
    for (const [caption, value] of [
      ['Address', '10.0.0.5:2886'],
      ['obshell version', '4.2.5.0'],
      ['Identity', 'CLUSTER AGENT'],
      ['OceanBase version', '4.3.5.0'],
    ]) {
      expect(screen.getByText(caption!)).toBeInTheDocument();
      expect(screen.getByText(value!)).toBeInTheDocument();
    }
    expect(screen.getByText('100000202024121117')).toBeInTheDocument();
    expect(screen.queryByText('Backup changes will be refused')).not.toBeInTheDocument();
  });

  it('warns that a follower agent refuses backup changes; a version without build has one line', () => {
    renderWithApp(
      <AgentSummary query={answered({ ...agent, identity: 'FOLLOWER', obVersion: '4.3.5.1' })} />,
    );
    expect(screen.getByText('Backup changes will be refused')).toBeInTheDocument();
    expect(screen.getByText('4.3.5.1')).toBeInTheDocument();
    expect(screen.queryByText('100000202024121117')).not.toBeInTheDocument();
  });
});
