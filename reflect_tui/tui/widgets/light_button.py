"""A Button that brings only the styles the home screen uses.

Why: Textual parses a widget's DEFAULT_CSS when the first one is mounted,
and Button's covers every variant in two styles (about 7,000 characters,
several milliseconds to parse and match). The home screen is on screen at
every start and uses the default style in its plain and primary variant
only, never compact or disabled, so this subclass carries just those rules, copied from Textual 8's
Button. It looks and behaves the same; a later screen that mounts a
regular Button adds the full set (the same rules again, no conflict).
"""

from __future__ import annotations

from textual.widgets import Button


class LightButton(Button, inherit_css=False):
    DEFAULT_CSS = """
    LightButton {
        width: auto;
        min-width: 16;
        height: auto;
        line-pad: 1;
        text-align: center;
        content-align: center middle;
        pointer: pointer;

        &.-style-default {
            text-style: bold;
            color: $button-foreground;
            background: $surface;
            border: none;
            border-top: tall $surface-lighten-1;
            border-bottom: tall $surface-darken-1;

            &:focus {
                text-style: $button-focus-text-style;
                background-tint: $foreground 5%;
            }
            &:hover {
                border-top: tall $surface;
                background: $surface-darken-1;
            }
            &.-active {
                background: $surface;
                border-bottom: tall $surface-lighten-1;
                border-top: tall $surface-darken-1;
                tint: $background 30%;
            }
            &.-primary {
                color: $button-color-foreground;
                background: $primary;
                border-top: tall $primary-lighten-3;
                border-bottom: tall $primary-darken-3;

                &:hover {
                    background: $primary-darken-2;
                    border-top: tall $primary;
                }
                &.-active {
                    background: $primary;
                    border-bottom: tall $primary-lighten-3;
                    border-top: tall $primary-darken-3;
                }
            }
        }
    }
    """
