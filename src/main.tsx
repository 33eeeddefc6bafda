import { render } from 'solid-js/web';
import { Root } from './app/Root';
import { viewerZone } from './lib/db';
import './styles/index.css';

const root = document.getElementById('root');
if (root) {
  // Three tasks rather than one long one that would hold up input: the modules' evaluation (Dexie,
  // the router…), then the first use of Intl (it loads the locale and time-zone data, about a third of
  // the first render's time on a phone; the shell's dates need it), then the render.
  setTimeout(() => {
    viewerZone();
    setTimeout(() => render(() => <Root />, root), 0);
  }, 0);
}
