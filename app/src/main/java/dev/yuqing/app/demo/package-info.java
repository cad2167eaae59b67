/** The demo: a little internet on localhost (forum, news site, RSS) playing an invented story. */
package dev.yuqing.app.demo;
