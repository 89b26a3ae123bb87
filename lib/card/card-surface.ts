/**
 * What "Explain this page" (lib/scan) needs of the in-page card, so it can show one without
 * importing the card itself (components/card/card-controller.tsx renders Preact: a higher layer).
 * The entry file that wires both passes the real card in.
 */
import type { LookupView } from '../../core/view/types';

export interface CardSurface {
  /** Shows the card (a "looking up" card when `view` is null) beside the current selection. */
  show(view: LookupView | null, text: string): void;
  update(view: LookupView): void;
  hide(): void;
}
