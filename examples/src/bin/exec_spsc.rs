//! boards: lm3s6965evb microbit mps2-an386 mps2-an505
//!
//! The design's interrupt-to-task example: the SysTick handler produces
//! items into a lock-free single-producer single-consumer queue and wakes the
//! consumer task, which awaits them. Between items no task is ready and the
//! executor sleeps (`wfe`); the consumer is polled only when it can make
//! progress: twice per item (once to find the queue empty and register its
//! waker, once when the handler wakes it).
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use lull::tlsf::Tlsf;
use lull_examples::{exit, println};

use core::cell::{Cell, RefCell};
use core::future::poll_fn;
use core::task::Poll;

use cortex_m::interrupt::Mutex;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::exception;
use embassy_sync::waitqueue::AtomicWaker;
use heapless::spsc::{Consumer, Producer, Queue};

#[lull::allocator(memory = 2048)]
static A: Tlsf = Tlsf::new();

lull::executor!(name = X, allocator = A);

const ITEMS: u32 = 5;

/// The handler's end of the queue (moved there once, at start-up).
static PRODUCER: Mutex<RefCell<Option<Producer<'static, u32>>>> = Mutex::new(RefCell::new(None));
/// The consumer task's waker.
static WAKER: AtomicWaker = AtomicWaker::new();

/// Waits for the next item (the design's `dequeue`, as an `async fn`).
///
/// Cancel-safe: an item is only taken in the poll that returns it.
async fn dequeue(c: &mut Consumer<'static, u32>, polls: &Cell<u32>) -> u32 {
    poll_fn(|cx| {
        polls.set(polls.get() + 1);
        // Register first, then look: an item enqueued in between still wakes us.
        WAKER.register(cx.waker());
        match c.dequeue() {
            Some(item) => Poll::Ready(item),
            None => Poll::Pending,
        }
    })
    .await
}

#[entry]
fn main() -> ! {
    let queue: &'static mut Queue<u32, 4> =
        cortex_m::singleton!(: Queue<u32, 4> = Queue::new()).unwrap();
    let (producer, mut consumer) = queue.split();
    cortex_m::interrupt::free(|cs| *PRODUCER.borrow(cs).borrow_mut() = Some(producer));

    let Some((x, _a)) = X::get() else {
        unreachable!()
    };
    let worker = x.spawn(async move {
        let polls = Cell::new(0);
        let mut sum = 0;
        for _ in 0..ITEMS {
            let item = dequeue(&mut consumer, &polls).await;
            println!("got {}", item);
            sum += item;
        }
        (sum, polls.get())
    });

    let mut syst = cortex_m::Peripherals::take().unwrap().SYST;
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(200_000);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();

    let (sum, polls) = x.block_on(worker);
    syst.disable_interrupt();
    println!("sum {}, consumer polled {} times", sum, polls);
    exit(0)
}

#[exception]
fn SysTick() {
    static mut NEXT: u32 = 0;
    if *NEXT < ITEMS {
        cortex_m::interrupt::free(|cs| {
            if let Some(p) = PRODUCER.borrow(cs).borrow_mut().as_mut() {
                p.enqueue(*NEXT).ok();
            }
        });
        *NEXT += 1;
        WAKER.wake();
    }
}
