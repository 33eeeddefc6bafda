import { render } from 'solid-js/web';
import { Root } from './app/Root';
import './styles/index.css';

const root = document.getElementById('root');
if (root) render(() => <Root />, root);
