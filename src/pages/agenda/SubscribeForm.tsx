import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, type JSX } from 'solid-js';
import { subscribeUrl } from '../../core/pwa/launch-routes';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';

/** The sidebar's "Subscribe to a calendar" form: the address goes to the subscribe screen's preview. */
export function SubscribeForm(): JSX.Element {
  const t = useCatalog(agendaMessages);
  const navigate = useNavigate();
  const ids = { heading: createUniqueId(), address: createUniqueId() };
  const [address, setAddress] = createSignal('');
  return (
    <form
      class="agenda-subscribe"
      aria-labelledby={ids.heading}
      onSubmit={(event) => {
        event.preventDefault();
        if (address().trim() !== '') navigate(subscribeUrl(address().trim()));
      }}
    >
      <h3 id={ids.heading} class="agenda-sidebar__title">
        {t('subscribeHeading')}
      </h3>
      <div class="agenda-field">
        <label for={ids.address}>{t('subscribeAddress')}</label>
        <input
          id={ids.address}
          type="text"
          inputmode="url"
          value={address()}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="agenda-btn">
        {t('subscribeButton')}
      </button>
    </form>
  );
}
