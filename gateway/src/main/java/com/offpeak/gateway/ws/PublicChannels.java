package com.offpeak.gateway.ws;

import com.offpeak.gateway.marketdata.Channel;
import com.offpeak.gateway.marketdata.InstrumentMarket;
import com.offpeak.gateway.marketdata.MarketData;
import com.offpeak.gateway.marketdata.MarketDataListener;
import com.offpeak.gateway.marketdata.MarketDataMessages;
import com.offpeak.gateway.wire.JsonText;
import com.offpeak.gateway.wire.Utf8;
import java.util.ArrayList;

/**
 * The public channels' subscriber lists and fan-out. Confined to the publisher context, like
 * {@link MarketData} itself: a subscription's snapshot and the updates after it are written by
 * the same thread, so a client never sees an update older than its snapshot. Each message is
 * encoded once per flush, however many sessions receive it; a session that cannot keep up is
 * dropped by {@link Session#send} and removed here.
 */
public final class PublicChannels implements MarketDataListener
{
    private final MarketData marketData;
    private final MarketDataMessages messages = new MarketDataMessages();
    /** [instrument][channel ordinal] → sessions, in subscription order. */
    private final ArrayList<Session>[][] subscribers;
    private final ArrayList<Session> following = new ArrayList<>();
    /** Subscribers of the whole market's utilisation ({@code "instrument":"ALL"}). */
    private final ArrayList<Session> overall = new ArrayList<>();
    /** Some instrument's utilisation changed since the overall message was last sent. */
    private boolean overallChanged;

    @SuppressWarnings("unchecked")
    public PublicChannels(final MarketData marketData)
    {
        this.marketData = marketData;
        subscribers = new ArrayList[marketData.instruments()][Channel.count()];
        for (int i = 0; i < subscribers.length; i++)
        {
            for (int c = 0; c < Channel.count(); c++)
            {
                subscribers[i][c] = new ArrayList<>();
            }
        }
    }

    /** Adds the session and sends it the channel's snapshot; subscribing twice re-sends the snapshot. */
    public void subscribe(final Session session, final int instrument, final Channel channel)
    {
        if (!session.follows(instrument, channel))
        {
            session.follow(instrument, channel);
            subscribers[instrument][channel.ordinal()].add(session);
            if (!following.contains(session))
            {
                following.add(session);
            }
        }
        session.send(snapshot(marketData.market(instrument), channel));
    }

    public void unsubscribe(final Session session, final int instrument, final Channel channel)
    {
        if (session.follows(instrument, channel))
        {
            session.unfollow(instrument, channel);
            subscribers[instrument][channel.ordinal()].remove(session);
        }
    }

    /** The whole market's utilisation: answered with its snapshot now, then sent after every flush in which it changed. */
    public void subscribeOverall(final Session session)
    {
        if (!overall.contains(session))
        {
            overall.add(session);
            if (!following.contains(session))
            {
                following.add(session);
            }
        }
        session.send(utilisationOverall());
    }

    public void unsubscribeOverall(final Session session)
    {
        overall.remove(session);
    }

    /** After a flush of the instruments: the overall utilisation, once, if any instrument's changed. */
    public void publishOverall()
    {
        if (overallChanged && !overall.isEmpty())
        {
            final byte[] message = Utf8.encode(utilisationOverall());
            for (int i = overall.size() - 1; i >= 0; i--)
            {
                final Session session = overall.get(i);
                if (!session.send(message))
                {
                    remove(session);
                }
            }
        }
        overallChanged = false;
    }

    /** Forgets a closed session everywhere. */
    public void remove(final Session session)
    {
        overall.remove(session);
        if (!following.remove(session))
        {
            return;
        }
        for (int i = 0; i < subscribers.length; i++)
        {
            for (int c = 0; c < Channel.count(); c++)
            {
                if (session.follows(i, Channel.ofOrdinal(c)))
                {
                    session.unfollow(i, Channel.ofOrdinal(c));
                    subscribers[i][c].remove(session);
                }
            }
        }
    }

    public int sessions()
    {
        return following.size();
    }

    @Override
    public void instrumentChanged(final InstrumentMarket market, final int changes)
    {
        final int instrument = market.index();
        final long time = marketData.now();
        if ((changes & InstrumentMarket.BOOK) != 0 && hasSubscribers(instrument, Channel.BOOK))
        {
            publish(instrument, Channel.BOOK, messages.bookUpdate(market, time));
        }
        if ((changes & InstrumentMarket.TRADES) != 0 && hasSubscribers(instrument, Channel.TRADES))
        {
            publish(instrument, Channel.TRADES, messages.trades(market, market.firstUnpublishedTrade(), "update"));
        }
        if ((changes & InstrumentMarket.TICKER) != 0 && hasSubscribers(instrument, Channel.TICKER))
        {
            publish(instrument, Channel.TICKER, messages.ticker(market, time));
        }
        if ((changes & InstrumentMarket.CANDLES) != 0)
        {
            if (hasSubscribers(instrument, Channel.CANDLES_1M))
            {
                publish(instrument, Channel.CANDLES_1M, messages.candles(market, Channel.CANDLES_1M, market.firstCandleToPublish(false),
                    "update"));
            }
            if (hasSubscribers(instrument, Channel.CANDLES_1H))
            {
                publish(instrument, Channel.CANDLES_1H, messages.candles(market, Channel.CANDLES_1H, market.firstCandleToPublish(true),
                    "update"));
            }
        }
        overallChanged |= (changes & InstrumentMarket.UTILISATION) != 0;
        if ((changes & InstrumentMarket.UTILISATION) != 0 && hasSubscribers(instrument, Channel.UTILISATION))
        {
            publish(instrument, Channel.UTILISATION, messages.utilisation(market, time));
        }
        if ((changes & InstrumentMarket.AUCTION) != 0 && hasSubscribers(instrument, Channel.AUCTION))
        {
            publish(instrument, Channel.AUCTION, messages.auction(market, time));
        }
    }

    /** Sends each following session the engine time and the book seq of every book it follows. */
    public void heartbeat()
    {
        for (int s = following.size() - 1; s >= 0; s--)
        {
            final Session session = following.get(s);
            final JsonText json = messages.heartbeatStart(marketData.now());
            for (int i = 0; i < subscribers.length; i++)
            {
                if (session.follows(i, Channel.BOOK))
                {
                    final InstrumentMarket market = marketData.market(i);
                    json.field(market.instrument().id(), market.book().seq());
                }
            }
            if (!session.send(json.finishUtf8()))
            {
                remove(session);
            }
        }
    }

    /** Every instrument's utilisation summed (REST only). */
    public String utilisationOverall()
    {
        return messages.utilisationOverall(marketData, marketData.now());
    }

    /** The channel's current snapshot message (also what REST serves). */
    public String snapshot(final InstrumentMarket market, final Channel channel)
    {
        final long time = marketData.now();
        return switch (channel)
        {
            case BOOK -> messages.bookSnapshot(market, time);
            case TRADES -> messages.trades(market, market.trades().count() - MarketDataMessages.TRADE_SNAPSHOT, "snapshot");
            case TICKER -> messages.ticker(market, time);
            case CANDLES_1M -> messages.candles(market, channel, market.minuteCandles().count() - MarketDataMessages.CANDLE_SNAPSHOT,
                "snapshot");
            case CANDLES_1H -> messages.candles(market, channel, market.hourCandles().count() - MarketDataMessages.CANDLE_SNAPSHOT,
                "snapshot");
            case UTILISATION -> messages.utilisation(market, time);
            case AUCTION -> messages.auction(market, time);
        };
    }

    private boolean hasSubscribers(final int instrument, final Channel channel)
    {
        return !subscribers[instrument][channel.ordinal()].isEmpty();
    }

    /** Encodes the message once; every subscriber's socket gets the same bytes. */
    private void publish(final int instrument, final Channel channel, final String text)
    {
        final byte[] message = Utf8.encode(text);
        final ArrayList<Session> sessions = subscribers[instrument][channel.ordinal()];
        for (int s = sessions.size() - 1; s >= 0; s--)
        {
            final Session session = sessions.get(s);
            if (!session.send(message))
            {
                remove(session);
            }
        }
    }
}
