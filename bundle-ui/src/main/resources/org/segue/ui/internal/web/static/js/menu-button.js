// The WAI-ARIA menu button pattern: a button that opens a menu of menuitems, driven by mouse and keyboard
// (Enter, Space, arrows, Home, End, Escape, Tab, first letters).

export class MenuButton {
    /**
     * button: the button with aria-haspopup="menu"; menu: its role="menu" list;
     * onSelect(item): called with the chosen menuitem (not for items with aria-disabled="true" unless
     * onDisabled is given, which is then called instead); onOpen(): called (and awaited) before the menu shows.
     */
    constructor(button, menu, { onSelect, onDisabled, onOpen } = {}) {
        this.button = button;
        this.menu = menu;
        this.onSelect = onSelect;
        this.onDisabled = onDisabled;
        this.onOpen = onOpen;
        button.addEventListener('click', () => (this.isOpen ? this.close(true) : this.open('first')));
        button.addEventListener('keydown', (event) => this.buttonKey(event));
        menu.addEventListener('keydown', (event) => this.menuKey(event));
        menu.addEventListener('click', (event) => {
            const item = event.target.closest('[role="menuitem"]');
            if (item) this.activate(item);
        });
        menu.addEventListener('mouseover', (event) => {
            const item = event.target.closest('[role="menuitem"]');
            if (item) item.focus();
        });
        document.addEventListener('pointerdown', (event) => {
            if (this.isOpen && !menu.contains(event.target) && !button.contains(event.target)) this.close(false);
        });
        menu.addEventListener('focusout', (event) => {
            if (this.isOpen && event.relatedTarget && !menu.contains(event.relatedTarget)
                && event.relatedTarget !== button) {
                this.close(false);
            }
        });
    }

    get isOpen() {
        return this.button.getAttribute('aria-expanded') === 'true';
    }

    get items() {
        return [...this.menu.querySelectorAll('[role="menuitem"]')];
    }

    async open(focus) {
        if (this.onOpen) await this.onOpen();
        this.menu.hidden = false;
        this.button.setAttribute('aria-expanded', 'true');
        const items = this.items;
        if (items.length) (focus === 'last' ? items[items.length - 1] : items[0]).focus();
    }

    close(returnFocus) {
        this.menu.hidden = true;
        this.button.setAttribute('aria-expanded', 'false');
        if (returnFocus) this.button.focus();
    }

    activate(item) {
        const disabled = item.getAttribute('aria-disabled') === 'true';
        if (disabled && !this.onDisabled) return;
        this.close(true);
        if (disabled) this.onDisabled(item);
        else if (this.onSelect) this.onSelect(item);
    }

    buttonKey(event) {
        if (['Enter', ' ', 'ArrowDown'].includes(event.key)) {
            event.preventDefault();
            this.open('first');
        } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            this.open('last');
        }
    }

    menuKey(event) {
        const items = this.items;
        const index = items.indexOf(document.activeElement);
        const move = (to) => {
            event.preventDefault();
            items[(to + items.length) % items.length].focus();
        };
        switch (event.key) {
            case 'ArrowDown': return move(index + 1);
            case 'ArrowUp': return move(index - 1);
            case 'Home': return move(0);
            case 'End': return move(items.length - 1);
            case 'Escape':
                event.preventDefault();
                return this.close(true);
            case 'Tab':
                return this.close(false);
            case 'Enter':
            case ' ':
                event.preventDefault();
                if (index >= 0) this.activate(items[index]);
                return undefined;
            default:
                if (event.key.length === 1 && /\S/.test(event.key)) {
                    const letter = event.key.toLowerCase();
                    const order = [...items.slice(index + 1), ...items.slice(0, index + 1)];
                    const next = order.find((item) => item.textContent.trim().toLowerCase().startsWith(letter));
                    if (next) next.focus();
                }
                return undefined;
        }
    }
}
