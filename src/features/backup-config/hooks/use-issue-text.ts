import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { useMessages } from '../../../lib/i18n/messages';
import { decodeIssue } from '../model/issue';
import { issueMessages } from '../messages';

/** Turns an encoded validation issue (see model/issue.ts) into a sentence in the current locale. */
export function useIssueText() {
  const issues = useMessages(issueMessages);
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    const { key, params } = decodeIssue(message);
    const template = issues[key] ?? params.message ?? key;
    // Server params quote the refused value, which may be a URI with its access_key.
    return maskSecrets(template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? ''));
  };
}
