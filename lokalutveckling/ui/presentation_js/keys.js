// The keys of presentation mode (lokalutveckling/ui/presentation_keys.py, a Streamlit component of the
// second kind: no frame of its own, its script runs in the app's document). `data`: position (1-based)
// and count of the slides. It listens on the document: → ↓ Page Down and space step forward, ← ↑ Page Up
// back, Home and End to the first and last, Escape leaves; it sends the slide to show as the trigger
// value `go` (a number) or 'exit'. Presses before the page has answered add up: the position counts on
// from the last one sent until the page sends a new one.
const FORWARD = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const BACK = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function typing(target) {
    const tag = (target && target.tagName) || '';
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
}

export default function (component) {
    const { data, setTriggerValue, parentElement } = component;
    const state = parentElement.__lokalutvecklingKeys || (parentElement.__lokalutvecklingKeys = {});
    if (state.sent !== data.position || state.count !== data.count) {
        state.position = data.position; // the page answered (or a new view): count on from it
    }
    state.sent = data.position;
    state.count = data.count;
    const onKey = (event) => {
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
        let target = null;
        if (FORWARD.has(event.key) && !event.shiftKey) target = state.position + 1;
        else if (BACK.has(event.key) || (event.key === ' ' && event.shiftKey)) target = state.position - 1;
        else if (event.key === 'Home') target = 1;
        else if (event.key === 'End') target = state.count;
        else if (event.key === 'Escape') {
            event.preventDefault();
            setTriggerValue('go', 'exit');
            return;
        } else return;
        event.preventDefault(); // no scrolling
        target = Math.max(1, Math.min(state.count, target));
        if (target === state.position) return;
        state.position = target;
        setTriggerValue('go', target);
    };
    document.addEventListener('keydown', onKey);
    parentElement.dataset.ready = 'true'; // for the tests: the keys are listened for
    return () => document.removeEventListener('keydown', onKey);
}
