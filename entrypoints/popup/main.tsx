import { render } from 'preact';

render(<p>Ordinance Lens</p>, document.getElementById('app')!);
