import { Show, type JSX } from 'solid-js';
import type { MeetingLink } from '../../core/meetings/meeting-link';
import { MeetingProvider } from '../../core/meetings/meeting-provider';
import { useCatalog } from '../../lib/i18n/locale';
import { meetingMessages } from './meeting-messages';

interface JoinMeetingLinkProps {
  readonly link: MeetingLink;
  /** The event's title, for the link's accessible name. */
  readonly title: string;
  readonly class?: string;
}

/** Only an absolute http(s) URL is ever made a link (meetingLink returns no other; checked again here). */
function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

/**
 * "Join": opens the meeting in a new tab, with no opener and no referrer (the agenda's URL names the
 * event; the meeting service has no need of it).
 */
export function JoinMeetingLink(props: JoinMeetingLinkProps): JSX.Element {
  const t = useCatalog(meetingMessages);
  const label = (): string => {
    const provider = props.link.provider;
    return provider === MeetingProvider.other
      ? t('joinOnline', { title: props.title })
      : t('joinOn', { title: props.title, service: t(provider) });
  };
  return (
    <Show when={isHttpUrl(props.link.url)}>
      <a
        class={`button button--primary join-link${props.class ? ` ${props.class}` : ''}`}
        href={props.link.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={label()}
      >
        {t('join')}
      </a>
    </Show>
  );
}
