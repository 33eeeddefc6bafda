import { render } from 'solid-js/web';

const root = document.getElementById('root');
if (root) render(() => <p>Almanac</p>, root);
