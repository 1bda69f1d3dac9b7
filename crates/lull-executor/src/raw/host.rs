//! Host stand-ins for `wfe` and `sev`: hooks a test installs.

extern crate std;

use std::sync::Mutex;

pub(crate) struct Hooks {
    sleep: Mutex<Option<fn()>>,
    pend: Mutex<Option<fn()>>,
}

impl Hooks {
    pub(crate) const fn new() -> Self {
        Hooks {
            sleep: Mutex::new(None),
            pend: Mutex::new(None),
        }
    }

    pub(crate) fn set_sleep(&self, hook: Option<fn()>) {
        *self.sleep.lock().unwrap_or_else(|e| e.into_inner()) = hook;
    }

    pub(crate) fn set_pend(&self, hook: Option<fn()>) {
        *self.pend.lock().unwrap_or_else(|e| e.into_inner()) = hook;
    }

    pub(crate) fn sleep(&self) {
        let hook = *self.sleep.lock().unwrap_or_else(|e| e.into_inner());
        match hook {
            Some(hook) => hook(),
            None => panic!(
                "lull-executor (host): no task is ready and nothing can wake one: the \
                 executor would sleep forever (install a hook with \
                 lull_executor::host::set_sleep_hook to simulate interrupts)"
            ),
        }
    }

    pub(crate) fn pend(&self) {
        let hook = *self.pend.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hook) = hook {
            hook();
        }
    }
}
