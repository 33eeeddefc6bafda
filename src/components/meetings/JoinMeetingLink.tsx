import { Show, type JSX } from 'solid-js';
import { httpUrl } from '../../core/meetings/http-url';
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
  // Only an absolute http(s) URL is ever made a link (meetingLink gives no other; checked again).
  return (
    <Show when={httpUrl(props.link.url) !== null}>
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
