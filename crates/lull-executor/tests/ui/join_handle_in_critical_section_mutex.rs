// Nor a JoinHandle (a handler could cancel the task or take its output
// while Thread mode polls it).
use core::cell::RefCell;

use critical_section::Mutex;
use lull_executor::JoinHandle;

static HANDLE: Mutex<RefCell<Option<JoinHandle<u32>>>> = Mutex::new(RefCell::new(None));

fn main() {
    critical_section::with(|cs| drop(HANDLE.borrow(cs).borrow_mut().take()));
}
