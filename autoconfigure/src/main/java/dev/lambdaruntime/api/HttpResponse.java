package dev.lambdaruntime.api;

/**
 * One response from the Runtime API, its body read in full.
 *
 * @param status the status code
 * @param headers the header fields
 * @param body the body bytes, empty when there was none
 * @param keepAlive whether the connection may carry another request
 */
record HttpResponse(int status, ResponseHeaders headers, byte[] body, boolean keepAlive) {

	@Override
	public String toString() {
		return "HttpResponse[status=" + this.status + ", bodyBytes=" + this.body.length + "]";
	}

}
