package org.leadfeedercamel.api;

/**
 * A window whose pages do not lead to an end: a {@code links.next} that repeats a page already read, goes
 * back or lies past {@code links.last}, more pages than the result cap lets a window fill, or a
 * {@code /v1} page answered for another page number than the one asked. Reading on would loop while the
 * run holds the warehouse lock, or skip rows. Asking again gets the same links, so it is never retried:
 * like a {@link MalformedPageException} it fails its account (the server cannot page that account's
 * data; the others may page fine) and the run ends failed, naming the window and the URL.
 */
public final class BrokenPagingException extends ApiException {

    private static final String WHAT = "Broken paging from Leadfeeder: ";
    private static final String ENDLESS = "; this window's pages would never end";

    private BrokenPagingException(String message) {
        super(WHAT + message);
    }

    /** A next page this window has read already, by the same request. */
    public static BrokenPagingException repeats(String url) {
        return new BrokenPagingException("links.next leads back to a page this window has read (" + ApiHost.shown(url) + ")" + ENDLESS);
    }

    static BrokenPagingException goesBack(int next, int current, String url) {
        return new BrokenPagingException((next == current ? "links.next repeats page " + current
                : "links.next goes back to page " + next + " from page " + current) + " (" + ApiHost.shown(url) + ")" + ENDLESS);
    }

    static BrokenPagingException pastLast(int next, int last, String url) {
        return new BrokenPagingException("links.next points to page " + next + ", past page " + last + " that links.last names ("
                + ApiHost.shown(url) + "); following it would skip the pages between");
    }

    static BrokenPagingException beyondCap(int pages, int resultCap, int pageSize, String url) {
        return new BrokenPagingException("links.next leads on after " + pages + " pages (" + ApiHost.shown(url) + "), more than "
                + resultCap + " results at " + pageSize + " a page can fill" + ENDLESS);
    }

    static BrokenPagingException otherPage(long answered, int asked, String url) {
        return new BrokenPagingException("page " + answered + " answered to a request for page " + asked + " (" + ApiHost.shown(url)
                + "): " + (answered < asked ? "the API repeats pages instead of moving on" : "the API skips pages"));
    }
}
