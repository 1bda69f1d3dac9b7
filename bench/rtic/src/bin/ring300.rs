//! `ring300` on RTIC 2: 301 async software tasks at one priority (one
//! dispatcher) running `bench_tasks::ring`: A, B, C, 297 copies of T, M, each
//! `loop { marker; shared yield }`. Every yield goes through RTIC's
//! dispatcher.
//! (Generated: RTIC declares every task by hand, one per copy.)
#![no_std]
#![no_main]

use bench_marker as _;

#[rtic::app(device = lm3s6965, dispatchers = [SSI0])]
mod app {
    use bench_tasks::ring;

    #[shared]
    struct Shared {}

    #[local]
    struct Local {}

    #[init]
    fn init(_: init::Context) -> (Shared, Local) {
        a::spawn().ok();
        b::spawn().ok();
        c::spawn().ok();
        t0::spawn().ok();
        t1::spawn().ok();
        t2::spawn().ok();
        t3::spawn().ok();
        t4::spawn().ok();
        t5::spawn().ok();
        t6::spawn().ok();
        t7::spawn().ok();
        t8::spawn().ok();
        t9::spawn().ok();
        t10::spawn().ok();
        t11::spawn().ok();
        t12::spawn().ok();
        t13::spawn().ok();
        t14::spawn().ok();
        t15::spawn().ok();
        t16::spawn().ok();
        t17::spawn().ok();
        t18::spawn().ok();
        t19::spawn().ok();
        t20::spawn().ok();
        t21::spawn().ok();
        t22::spawn().ok();
        t23::spawn().ok();
        t24::spawn().ok();
        t25::spawn().ok();
        t26::spawn().ok();
        t27::spawn().ok();
        t28::spawn().ok();
        t29::spawn().ok();
        t30::spawn().ok();
        t31::spawn().ok();
        t32::spawn().ok();
        t33::spawn().ok();
        t34::spawn().ok();
        t35::spawn().ok();
        t36::spawn().ok();
        t37::spawn().ok();
        t38::spawn().ok();
        t39::spawn().ok();
        t40::spawn().ok();
        t41::spawn().ok();
        t42::spawn().ok();
        t43::spawn().ok();
        t44::spawn().ok();
        t45::spawn().ok();
        t46::spawn().ok();
        t47::spawn().ok();
        t48::spawn().ok();
        t49::spawn().ok();
        t50::spawn().ok();
        t51::spawn().ok();
        t52::spawn().ok();
        t53::spawn().ok();
        t54::spawn().ok();
        t55::spawn().ok();
        t56::spawn().ok();
        t57::spawn().ok();
        t58::spawn().ok();
        t59::spawn().ok();
        t60::spawn().ok();
        t61::spawn().ok();
        t62::spawn().ok();
        t63::spawn().ok();
        t64::spawn().ok();
        t65::spawn().ok();
        t66::spawn().ok();
        t67::spawn().ok();
        t68::spawn().ok();
        t69::spawn().ok();
        t70::spawn().ok();
        t71::spawn().ok();
        t72::spawn().ok();
        t73::spawn().ok();
        t74::spawn().ok();
        t75::spawn().ok();
        t76::spawn().ok();
        t77::spawn().ok();
        t78::spawn().ok();
        t79::spawn().ok();
        t80::spawn().ok();
        t81::spawn().ok();
        t82::spawn().ok();
        t83::spawn().ok();
        t84::spawn().ok();
        t85::spawn().ok();
        t86::spawn().ok();
        t87::spawn().ok();
        t88::spawn().ok();
        t89::spawn().ok();
        t90::spawn().ok();
        t91::spawn().ok();
        t92::spawn().ok();
        t93::spawn().ok();
        t94::spawn().ok();
        t95::spawn().ok();
        t96::spawn().ok();
        t97::spawn().ok();
        t98::spawn().ok();
        t99::spawn().ok();
        t100::spawn().ok();
        t101::spawn().ok();
        t102::spawn().ok();
        t103::spawn().ok();
        t104::spawn().ok();
        t105::spawn().ok();
        t106::spawn().ok();
        t107::spawn().ok();
        t108::spawn().ok();
        t109::spawn().ok();
        t110::spawn().ok();
        t111::spawn().ok();
        t112::spawn().ok();
        t113::spawn().ok();
        t114::spawn().ok();
        t115::spawn().ok();
        t116::spawn().ok();
        t117::spawn().ok();
        t118::spawn().ok();
        t119::spawn().ok();
        t120::spawn().ok();
        t121::spawn().ok();
        t122::spawn().ok();
        t123::spawn().ok();
        t124::spawn().ok();
        t125::spawn().ok();
        t126::spawn().ok();
        t127::spawn().ok();
        t128::spawn().ok();
        t129::spawn().ok();
        t130::spawn().ok();
        t131::spawn().ok();
        t132::spawn().ok();
        t133::spawn().ok();
        t134::spawn().ok();
        t135::spawn().ok();
        t136::spawn().ok();
        t137::spawn().ok();
        t138::spawn().ok();
        t139::spawn().ok();
        t140::spawn().ok();
        t141::spawn().ok();
        t142::spawn().ok();
        t143::spawn().ok();
        t144::spawn().ok();
        t145::spawn().ok();
        t146::spawn().ok();
        t147::spawn().ok();
        t148::spawn().ok();
        t149::spawn().ok();
        t150::spawn().ok();
        t151::spawn().ok();
        t152::spawn().ok();
        t153::spawn().ok();
        t154::spawn().ok();
        t155::spawn().ok();
        t156::spawn().ok();
        t157::spawn().ok();
        t158::spawn().ok();
        t159::spawn().ok();
        t160::spawn().ok();
        t161::spawn().ok();
        t162::spawn().ok();
        t163::spawn().ok();
        t164::spawn().ok();
        t165::spawn().ok();
        t166::spawn().ok();
        t167::spawn().ok();
        t168::spawn().ok();
        t169::spawn().ok();
        t170::spawn().ok();
        t171::spawn().ok();
        t172::spawn().ok();
        t173::spawn().ok();
        t174::spawn().ok();
        t175::spawn().ok();
        t176::spawn().ok();
        t177::spawn().ok();
        t178::spawn().ok();
        t179::spawn().ok();
        t180::spawn().ok();
        t181::spawn().ok();
        t182::spawn().ok();
        t183::spawn().ok();
        t184::spawn().ok();
        t185::spawn().ok();
        t186::spawn().ok();
        t187::spawn().ok();
        t188::spawn().ok();
        t189::spawn().ok();
        t190::spawn().ok();
        t191::spawn().ok();
        t192::spawn().ok();
        t193::spawn().ok();
        t194::spawn().ok();
        t195::spawn().ok();
        t196::spawn().ok();
        t197::spawn().ok();
        t198::spawn().ok();
        t199::spawn().ok();
        t200::spawn().ok();
        t201::spawn().ok();
        t202::spawn().ok();
        t203::spawn().ok();
        t204::spawn().ok();
        t205::spawn().ok();
        t206::spawn().ok();
        t207::spawn().ok();
        t208::spawn().ok();
        t209::spawn().ok();
        t210::spawn().ok();
        t211::spawn().ok();
        t212::spawn().ok();
        t213::spawn().ok();
        t214::spawn().ok();
        t215::spawn().ok();
        t216::spawn().ok();
        t217::spawn().ok();
        t218::spawn().ok();
        t219::spawn().ok();
        t220::spawn().ok();
        t221::spawn().ok();
        t222::spawn().ok();
        t223::spawn().ok();
        t224::spawn().ok();
        t225::spawn().ok();
        t226::spawn().ok();
        t227::spawn().ok();
        t228::spawn().ok();
        t229::spawn().ok();
        t230::spawn().ok();
        t231::spawn().ok();
        t232::spawn().ok();
        t233::spawn().ok();
        t234::spawn().ok();
        t235::spawn().ok();
        t236::spawn().ok();
        t237::spawn().ok();
        t238::spawn().ok();
        t239::spawn().ok();
        t240::spawn().ok();
        t241::spawn().ok();
        t242::spawn().ok();
        t243::spawn().ok();
        t244::spawn().ok();
        t245::spawn().ok();
        t246::spawn().ok();
        t247::spawn().ok();
        t248::spawn().ok();
        t249::spawn().ok();
        t250::spawn().ok();
        t251::spawn().ok();
        t252::spawn().ok();
        t253::spawn().ok();
        t254::spawn().ok();
        t255::spawn().ok();
        t256::spawn().ok();
        t257::spawn().ok();
        t258::spawn().ok();
        t259::spawn().ok();
        t260::spawn().ok();
        t261::spawn().ok();
        t262::spawn().ok();
        t263::spawn().ok();
        t264::spawn().ok();
        t265::spawn().ok();
        t266::spawn().ok();
        t267::spawn().ok();
        t268::spawn().ok();
        t269::spawn().ok();
        t270::spawn().ok();
        t271::spawn().ok();
        t272::spawn().ok();
        t273::spawn().ok();
        t274::spawn().ok();
        t275::spawn().ok();
        t276::spawn().ok();
        t277::spawn().ok();
        t278::spawn().ok();
        t279::spawn().ok();
        t280::spawn().ok();
        t281::spawn().ok();
        t282::spawn().ok();
        t283::spawn().ok();
        t284::spawn().ok();
        t285::spawn().ok();
        t286::spawn().ok();
        t287::spawn().ok();
        t288::spawn().ok();
        t289::spawn().ok();
        t290::spawn().ok();
        t291::spawn().ok();
        t292::spawn().ok();
        t293::spawn().ok();
        t294::spawn().ok();
        t295::spawn().ok();
        t296::spawn().ok();
        m::spawn().ok();
        (Shared {}, Local {})
    }

    #[task(priority = 1)]
    async fn a(_: a::Context) {
        match ring::a().await {}
    }

    #[task(priority = 1)]
    async fn b(_: b::Context) {
        match ring::b().await {}
    }

    #[task(priority = 1)]
    async fn c(_: c::Context) {
        match ring::c().await {}
    }

    #[task(priority = 1)]
    async fn t0(_: t0::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t1(_: t1::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t2(_: t2::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t3(_: t3::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t4(_: t4::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t5(_: t5::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t6(_: t6::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t7(_: t7::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t8(_: t8::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t9(_: t9::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t10(_: t10::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t11(_: t11::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t12(_: t12::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t13(_: t13::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t14(_: t14::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t15(_: t15::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t16(_: t16::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t17(_: t17::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t18(_: t18::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t19(_: t19::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t20(_: t20::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t21(_: t21::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t22(_: t22::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t23(_: t23::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t24(_: t24::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t25(_: t25::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t26(_: t26::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t27(_: t27::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t28(_: t28::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t29(_: t29::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t30(_: t30::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t31(_: t31::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t32(_: t32::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t33(_: t33::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t34(_: t34::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t35(_: t35::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t36(_: t36::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t37(_: t37::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t38(_: t38::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t39(_: t39::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t40(_: t40::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t41(_: t41::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t42(_: t42::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t43(_: t43::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t44(_: t44::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t45(_: t45::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t46(_: t46::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t47(_: t47::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t48(_: t48::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t49(_: t49::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t50(_: t50::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t51(_: t51::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t52(_: t52::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t53(_: t53::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t54(_: t54::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t55(_: t55::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t56(_: t56::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t57(_: t57::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t58(_: t58::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t59(_: t59::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t60(_: t60::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t61(_: t61::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t62(_: t62::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t63(_: t63::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t64(_: t64::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t65(_: t65::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t66(_: t66::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t67(_: t67::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t68(_: t68::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t69(_: t69::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t70(_: t70::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t71(_: t71::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t72(_: t72::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t73(_: t73::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t74(_: t74::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t75(_: t75::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t76(_: t76::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t77(_: t77::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t78(_: t78::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t79(_: t79::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t80(_: t80::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t81(_: t81::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t82(_: t82::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t83(_: t83::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t84(_: t84::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t85(_: t85::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t86(_: t86::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t87(_: t87::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t88(_: t88::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t89(_: t89::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t90(_: t90::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t91(_: t91::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t92(_: t92::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t93(_: t93::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t94(_: t94::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t95(_: t95::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t96(_: t96::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t97(_: t97::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t98(_: t98::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t99(_: t99::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t100(_: t100::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t101(_: t101::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t102(_: t102::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t103(_: t103::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t104(_: t104::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t105(_: t105::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t106(_: t106::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t107(_: t107::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t108(_: t108::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t109(_: t109::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t110(_: t110::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t111(_: t111::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t112(_: t112::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t113(_: t113::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t114(_: t114::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t115(_: t115::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t116(_: t116::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t117(_: t117::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t118(_: t118::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t119(_: t119::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t120(_: t120::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t121(_: t121::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t122(_: t122::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t123(_: t123::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t124(_: t124::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t125(_: t125::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t126(_: t126::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t127(_: t127::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t128(_: t128::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t129(_: t129::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t130(_: t130::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t131(_: t131::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t132(_: t132::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t133(_: t133::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t134(_: t134::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t135(_: t135::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t136(_: t136::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t137(_: t137::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t138(_: t138::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t139(_: t139::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t140(_: t140::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t141(_: t141::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t142(_: t142::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t143(_: t143::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t144(_: t144::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t145(_: t145::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t146(_: t146::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t147(_: t147::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t148(_: t148::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t149(_: t149::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t150(_: t150::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t151(_: t151::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t152(_: t152::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t153(_: t153::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t154(_: t154::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t155(_: t155::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t156(_: t156::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t157(_: t157::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t158(_: t158::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t159(_: t159::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t160(_: t160::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t161(_: t161::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t162(_: t162::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t163(_: t163::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t164(_: t164::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t165(_: t165::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t166(_: t166::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t167(_: t167::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t168(_: t168::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t169(_: t169::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t170(_: t170::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t171(_: t171::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t172(_: t172::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t173(_: t173::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t174(_: t174::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t175(_: t175::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t176(_: t176::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t177(_: t177::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t178(_: t178::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t179(_: t179::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t180(_: t180::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t181(_: t181::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t182(_: t182::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t183(_: t183::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t184(_: t184::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t185(_: t185::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t186(_: t186::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t187(_: t187::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t188(_: t188::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t189(_: t189::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t190(_: t190::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t191(_: t191::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t192(_: t192::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t193(_: t193::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t194(_: t194::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t195(_: t195::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t196(_: t196::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t197(_: t197::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t198(_: t198::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t199(_: t199::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t200(_: t200::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t201(_: t201::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t202(_: t202::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t203(_: t203::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t204(_: t204::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t205(_: t205::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t206(_: t206::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t207(_: t207::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t208(_: t208::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t209(_: t209::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t210(_: t210::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t211(_: t211::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t212(_: t212::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t213(_: t213::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t214(_: t214::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t215(_: t215::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t216(_: t216::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t217(_: t217::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t218(_: t218::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t219(_: t219::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t220(_: t220::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t221(_: t221::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t222(_: t222::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t223(_: t223::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t224(_: t224::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t225(_: t225::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t226(_: t226::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t227(_: t227::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t228(_: t228::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t229(_: t229::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t230(_: t230::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t231(_: t231::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t232(_: t232::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t233(_: t233::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t234(_: t234::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t235(_: t235::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t236(_: t236::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t237(_: t237::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t238(_: t238::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t239(_: t239::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t240(_: t240::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t241(_: t241::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t242(_: t242::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t243(_: t243::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t244(_: t244::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t245(_: t245::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t246(_: t246::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t247(_: t247::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t248(_: t248::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t249(_: t249::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t250(_: t250::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t251(_: t251::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t252(_: t252::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t253(_: t253::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t254(_: t254::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t255(_: t255::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t256(_: t256::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t257(_: t257::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t258(_: t258::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t259(_: t259::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t260(_: t260::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t261(_: t261::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t262(_: t262::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t263(_: t263::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t264(_: t264::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t265(_: t265::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t266(_: t266::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t267(_: t267::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t268(_: t268::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t269(_: t269::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t270(_: t270::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t271(_: t271::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t272(_: t272::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t273(_: t273::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t274(_: t274::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t275(_: t275::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t276(_: t276::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t277(_: t277::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t278(_: t278::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t279(_: t279::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t280(_: t280::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t281(_: t281::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t282(_: t282::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t283(_: t283::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t284(_: t284::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t285(_: t285::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t286(_: t286::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t287(_: t287::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t288(_: t288::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t289(_: t289::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t290(_: t290::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t291(_: t291::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t292(_: t292::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t293(_: t293::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t294(_: t294::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t295(_: t295::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn t296(_: t296::Context) {
        match ring::t().await {}
    }

    #[task(priority = 1)]
    async fn m(_: m::Context) {
        match ring::m().await {}
    }
}
